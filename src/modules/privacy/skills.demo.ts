import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { companyMembers } from '../../kernel/tenancy/members.js';
import { machineNames } from '../machines/index.js';
import { planItemTitles } from '../roadmap/index.js';
import { type Competence, dayIn } from './domain/skills.js';
import { FIRM_TIME_ZONE } from './skills.service.js';
import * as store from './skills.store.js';

const DAY = 86_400_000;

/**
 * The demo firm's skills: the owner assessed across the board and trained in IT security eleven
 * months ago (due soon); the shop-floor workers strong at the machine, weak in data and security,
 * never trained in security awareness; a plan measure (or a machine) going live in three weeks
 * that needs more at the machine and basic security awareness — so the workers are flagged — and
 * a software in two months.
 */
export async function skillsDemo({ db, tenantId, ownerId }: DemoContext): Promise<void> {
  const day = (offset: number) => dayIn(FIRM_TIME_ZONE, Date.now() + offset * DAY);
  const members = await companyMembers(db, tenantId);
  const owner = members.find((m) => m.userId === ownerId);
  const workers = members.filter((m) => m.userId !== ownerId);
  const levels = async (userId: string, values: Partial<Record<Competence, number>>) => {
    for (const [c, level] of Object.entries(values)) await store.setLevel(db, tenantId, userId, c as Competence, level, ownerId);
  };
  if (owner) {
    await levels(ownerId, { 'digital-basics': 5, 'data-literacy': 4, 'human-machine': 3, ai: 3, ecosystems: 4, 'security-awareness': 4 });
    await store.insertTraining(db, tenantId, uuidv7(), ownerId, {
      userId: ownerId, title: 'Phishing, Passwörter, Verhalten bei Vorfällen', competences: ['security-awareness'], completedOn: day(-335), provider: 'IHK-Online-Akademie', expiresOn: null,
    });
    await store.insertTraining(db, tenantId, uuidv7(), ownerId, {
      userId: ownerId, title: 'KI im Mittelstand – Grundlagen', competences: ['ai', 'data-literacy'], completedOn: day(-120), provider: 'Mittelstand-Digital Zentrum', expiresOn: null,
    });
  }
  for (const [i, w] of workers.entries()) {
    await levels(w.userId, { 'digital-basics': 2 + (i % 2), 'data-literacy': 1, 'human-machine': 3, ai: 0, 'security-awareness': 1 });
    await store.insertTraining(db, tenantId, uuidv7(), ownerId, {
      userId: w.userId, title: 'Einweisung Laserschneidanlage', competences: ['human-machine'], completedOn: day(-150), provider: 'Hersteller (Service-Techniker)', expiresOn: null,
    });
  }
  const people = members.map((m) => m.userId);
  const measure = (await planItemTitles(db, tenantId)).find((m) => m.status === 'planned' || m.status === 'in_progress');
  const machine = (await machineNames(db, tenantId))[0];
  const needs = [{ competence: 'human-machine' as const, level: 4 }, { competence: 'security-awareness' as const, level: 2 }];
  if (measure) {
    await store.insertRequirement(db, tenantId, uuidv7(), ownerId, {
      subject: 'measure', planItemId: measure.id, machineId: null, softwareName: null, goLiveOn: day(21), needs, note: 'Schulung beim Anbieter ist angefragt.', userIds: people,
    });
  } else if (machine) {
    await store.insertRequirement(db, tenantId, uuidv7(), ownerId, {
      subject: 'machine', planItemId: null, machineId: machine.id, softwareName: null, goLiveOn: day(21), needs, note: 'Einweisung durch den Hersteller vereinbaren.', userIds: people,
    });
  }
  await store.insertRequirement(db, tenantId, uuidv7(), ownerId, {
    subject: 'software', planItemId: null, machineId: null, softwareName: 'DATEV Unternehmen online', goLiveOn: day(60), needs: [{ competence: 'data-literacy', level: 3 }, { competence: 'digital-basics', level: 3 }], note: null, userIds: [ownerId],
  });
}
