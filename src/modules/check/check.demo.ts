import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import type { Answers } from './domain/answers.js';
import type { Item } from './domain/questionnaire-schema.js';
import { scoreCheck } from './domain/score-check.js';
import { getQuestionnaire } from './questionnaire/questionnaires.js';
import { insertRun, completeRun, saveResponse } from './check.store.js';

/** A metalworking job shop as the study describes many: product-focused, some digital basics. */
const STUDY_ANSWERS: Answers = {
  'isi.competition.primary': 'quality',
  'isi.competition.secondary': 'delivery',
  'isi.innovation.top': 'processes',
  'isi.service.planning': true,
  'isi.service.training': false,
  'isi.service.maintenance': true,
  'isi.service.installation': true,
  'isi.service.remoteSupport': false,
  'isi.service.takeBack': false,
  'isi.service.retrofit': false,
  'isi.service.software': false,
  'isi.serviceModel.rental': false,
  'isi.serviceModel.fullService': false,
  'isi.serviceModel.operator': false,
  'isi.serviceModel.availabilityGuarantee': false,
  'isi.serviceModel.performancePricing': false,
  'isi.serviceTech.internet': true,
  'isi.serviceTech.mobileDevices': true,
  'isi.serviceTech.teleservice': false,
  'isi.serviceTech.vrAr': false,
  'isi.serviceRevenueShare': 6,
  'dgm.tech.internet': true,
  'dgm.tech.mobileDevices': true,
  'dgm.tech.webPlatforms': false,
  'dgm.tech.conditionMonitoring': false,
  'dgm.tech.connectedMachines': true,
  'dgm.tech.m2m': false,
  'dgm.tech.cloud': true,
  'dgm.tech.apps': false,
  'dgm.tech.analytics': false,
  'dgm.tech.vrAr': false,
  'dgm.marketPosition': 'nicheLeader',
  'dgm.mainModel.market': 'traditional',
  'dgm.mainModel.status': 'proven',
  'dgm.mainModel.revenueShare': '75-100',
  'dgm.threat': 'future',
  'dgm.complementaryModels': 1,
  'scr.machines': true,
  'scr.cooperation': true,
};

/** A middling answer for every other item, a step lower in the earlier check. */
function generic(item: Item, earlier: boolean): Answers[string] | undefined {
  const drop = earlier ? 1 : 0;
  switch (item.type) {
    case 'scale':
      return Math.max(0, Math.min(item.steps.length - 1, 2 - drop + (item.id.length % 2)));
    case 'boolean':
      return earlier ? false : item.id.length % 3 !== 0;
    case 'choice':
      return item.options[Math.min(item.options.length - 1, Math.max(0, 1 - drop))].value;
    default:
      return undefined;
  }
}

export async function checkDemo({ db, tenantId, ownerId }: DemoContext): Promise<void> {
  const questionnaire = getQuestionnaire();
  const company = await getCompany(db, tenantId);
  for (const earlier of [true, false]) {
    const answers: Answers = { ...STUDY_ANSWERS };
    for (const item of questionnaire.items) {
      if (answers[item.id] !== undefined) continue;
      const value = generic(item, earlier);
      if (value !== undefined) answers[item.id] = value;
    }
    if (earlier) answers['dgm.tech.cloud'] = false;
    const id = await insertRun(db, tenantId, ownerId, questionnaire.version);
    await saveResponse(db, tenantId, id, ownerId, 'owner', answers);
    const result = scoreCheck({ profile: company?.profile ?? {}, answers, questionnaireVersion: questionnaire.version });
    await completeRun(db, tenantId, id, ownerId, answers, result);
    if (earlier) await db.updateTable('check_runs').set({ created_at: new Date(Date.now() - 370 * 86_400_000), completed_at: new Date(Date.now() - 365 * 86_400_000) }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }
}
