import type { WriteExamples } from '../../kernel/testing/write-example.js';

/** Valid requests to the Digital-Check's write routes, for the input walk. */
export const checkWriteExamples: WriteExamples = () => ({
  // one check may be open at a time: the walk's company has one (409)
  'POST /companies/:companyId/check/runs': { expect: 409 },
  'PUT /companies/:companyId/check/runs/:checkId/answers': { body: { answers: { 'strategy.goal': 4, 'strategy.microGoals': null } } },
  'POST /companies/:companyId/check/runs/:checkId/complete': {},
  'PUT /companies/:companyId/check/settings': { body: { peerOptIn: true } },
});
