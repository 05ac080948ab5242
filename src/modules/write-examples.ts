import { platformWriteExamples } from '../kernel/http/platform.write-examples.js';
import type { WriteExamples } from '../kernel/testing/write-example.js';
import { checkWriteExamples } from './check/check.write-examples.js';
import { customersWriteExamples } from './customers/customers.write-examples.js';
import { investWriteExamples } from './invest/invest.write-examples.js';
import { machinesWriteExamples } from './machines/machines.write-examples.js';
import { privacyWriteExamples } from './privacy/privacy.write-examples.js';
import { roadmapWriteExamples } from './roadmap/roadmap.write-examples.js';
import { shopfloorWriteExamples } from './shopfloor/shopfloor.write-examples.js';

/**
 * Per module: a valid request to each of its write routes, which the input walk
 * (`src/kernel/http/input-walk.test.ts`) mutates. A new write route without an example fails the walk.
 */
export const writeExamples: Record<string, WriteExamples> = {
  platform: platformWriteExamples,
  check: checkWriteExamples,
  customers: customersWriteExamples,
  invest: investWriteExamples,
  machines: machinesWriteExamples,
  privacy: privacyWriteExamples,
  roadmap: roadmapWriteExamples,
  shopfloor: shopfloorWriteExamples,
};
