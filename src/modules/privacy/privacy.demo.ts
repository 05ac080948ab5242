import { DateTime } from 'luxon';
import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import * as store from './breaches.store.js';
import { skillsDemo } from './skills.demo.js';
import { securityDemo } from './security.demo.js';

/**
 * A partly answered IT-security check with an adopted security concept (security.demo.ts), and
 * one documented breach of the kind small firms have: a lost USB stick, encrypted, so no risk to the
 * people on it is likely — not notified, closed, with the reasoning (Art. 33 (5)).
 */
export async function privacyDemo(ctx: DemoContext): Promise<void> {
  const { db, tenantId, ownerId } = ctx;
  const known = DateTime.now().setZone('Europe/Berlin').minus({ months: 2 }).set({ hour: 9, minute: 40, second: 0, millisecond: 0 });
  await store.insertBreach(db, tenantId, uuidv7(), ownerId, {
    title: 'USB-Stick mit Angebotsliste verloren',
    became_known_at: known.toJSDate(),
    occurred_from: known.minus({ days: 1 }).set({ hour: 16, minute: 0 }).toJSDate(),
    occurred_to: known.minus({ days: 1 }).set({ hour: 19, minute: 0 }).toJSDate(),
    nature: 'Ein Vertriebsmitarbeiter hat auf der Rückfahrt von einem Kundenbesuch einen USB-Stick verloren. Darauf lag die Angebotsliste des Quartals mit Namen und Telefonnummern der Ansprechpartner.',
    subject_categories: 'Ansprechpartner bei Kunden',
    subject_count: 48,
    record_categories: 'Namen, Telefonnummern, Angebotssummen',
    record_count: 60,
    consequences: 'Keine zu erwarten: Der Stick ist mit BitLocker To Go verschlüsselt, das Passwort wurde nicht mit ihm aufbewahrt.',
    measures: 'Stick gesperrt gemeldet, Passwort der Verschlüsselung geändert; künftig nur noch Zugriff über das Firmennetz statt Kopien auf Sticks.',
    contact: 'Geschäftsführung, datenschutz@demo.example',
    risk: 'unlikely',
    risk_reason: 'Die Daten sind nach dem Stand der Technik verschlüsselt; ohne das Passwort sind sie für Finder unlesbar. Ein Risiko für die Betroffenen ist daher nicht zu erwarten (Art. 33 (1) DSGVO).',
    delay_reason: null,
    subjects_exception: null,
  });
  const [row] = await store.listBreaches(db, tenantId);
  await store.updateBreach(db, tenantId, row!.id, { closed_at: known.plus({ hours: 5 }).toJSDate() });
  await skillsDemo({ db, tenantId, ownerId });
  await securityDemo(ctx);
}
