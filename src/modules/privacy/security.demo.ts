import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import type { SecurityAnswer } from './domain/security-score.js';
import * as concept from './security-concept.service.js';
import * as store from './security.store.js';

const ANSWERS: Array<[string, SecurityAnswer, string | null]> = [
  ['org.responsible', 'met', 'Petra Muster (Geschäftsführung), Vertretung: IT-Dienstleister Netzwerk Schmid, 0711 555 210'],
  ['org.rules', 'partly', null],
  ['org.training', 'not_met', null],
  ['org.emergency', 'partly', 'Petra Muster 0171 555 0100 · Netzwerk Schmid 0711 555 210 · Cyberversicherung 0800 555 3000'],
  ['org.providers', 'met', null],
  ['access.personal', 'met', null],
  ['access.passwords', 'partly', 'Passwortmanager im Büro, an den Maschinen noch Standardpasswörter'],
  ['access.admin', 'met', null],
  ['access.mfa', 'not_met', null],
  ['backup.regular', 'met', 'Täglich 22 Uhr automatisch auf das NAS im Serverraum'],
  ['backup.offline', 'not_met', null],
  ['backup.plan', 'met', 'Täglich alle Laufwerke und die Datenbank auf das NAS; 30 Tage aufbewahrt; zuständig: Netzwerk Schmid'],
  ['patches.updates', 'met', null],
  ['malware.protection', 'met', null],
  ['malware.email', 'partly', null],
  ['network.firewall', 'met', null],
  ['network.wifi', 'met', 'Gästenetz getrennt'],
  ['network.machines', 'not_met', null],
];

/**
 * A partly answered IT-security check (some gaps, nine requirements still open) and a security
 * concept adopted eleven months ago, so its yearly review comes up soon; the owner has acknowledged it.
 */
export async function securityDemo({ db, tenantId, ownerId, registry }: DemoContext): Promise<void> {
  for (const [id, answer, note] of ANSWERS) await store.saveAnswer(db, tenantId, id, { answer, note, answeredBy: ownerId });
  if (!registry) return;
  const ctx = { db, tenant: { tenantId, userId: ownerId, role: 'owner' as const }, registry };
  await concept.generateDraft(ctx);
  await concept.editDraftSection(ctx, 'email', 'Verdächtige E-Mails (unerwartete Anhänge, Links zu Anmeldeseiten, Zeitdruck, geänderte Bankverbindungen) nicht öffnen, sondern an Petra Muster weiterleiten. Rechnungen mit neuer Bankverbindung bestätigen wir immer telefonisch über die bekannte Nummer. Fremde USB-Sticks werden nicht angeschlossen.');
  const adopted = new Date();
  adopted.setUTCMonth(adopted.getUTCMonth() - 11);
  await concept.adoptDraft(ctx, adopted);
  await store.acknowledge(db, tenantId, 1, ownerId);
}
