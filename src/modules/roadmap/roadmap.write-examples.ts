import type { WriteExamples } from '../../kernel/testing/write-example.js';

/** Valid requests to the roadmap's write routes, for the input walk. */
export const roadmapWriteExamples: WriteExamples = (ids) => ({
  'POST /companies/:companyId/roadmap/plan/accept': { body: { measureIds: ['strategy-goal-picture'] } },
  'POST /companies/:companyId/roadmap/plan/items': { body: { title: 'Walk measure', description: 'for the input walk', startQuarter: '2027-Q1', endQuarter: '2027-Q2' } },
  'PATCH /companies/:companyId/roadmap/plan/items/:itemId': {
    body: {
      status: 'in_progress', ownerUserId: ids.ownUserId, ownerText: null, startQuarter: '2027-Q1', endQuarter: '2027-Q3', microGoal: 'Walk goal',
      kpiName: 'Durchlaufzeit', kpiTarget: '-10', kpiUnit: '%', title: 'Isolation', description: 'changed',
    },
  },
  'DELETE /companies/:companyId/roadmap/plan/items/:itemId': {},
  'POST /companies/:companyId/roadmap/plan/schedule': { body: { startQuarter: '2027-Q1' } },
  'POST /companies/:companyId/roadmap/funding': {
    body: {
      name: 'Walk-Förderung', provider: 'Land', regions: ['DE-BY'], kinds: ['advice'], percentMax: 50, rateText: 'bis 50 %', validFrom: '2026-01-01',
      validUntil: '2027-12-31', link: 'https://foerderung.walk.example/', note: 'Walk',
    },
  },
  'PATCH /companies/:companyId/roadmap/funding/:programmeId': { body: { name: 'Isolation', percentMax: 40, note: 'changed' } },
  'DELETE /companies/:companyId/roadmap/funding/:programmeId': {},
});
