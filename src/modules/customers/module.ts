import { readFileSync } from 'node:fs';
import { addServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { contactDataSubjects } from './contacts.data-subjects.js';
import { customersDashboard } from './customers.dashboard.js';
import { customersDemo } from './customers.demo.js';
import { customersSearch } from './customers.search.js';
import { customersRoutes } from './customers.routes.js';
import { customersEventLabels, customersEventTypes } from './order-events.js';
import { productionFinishedJob } from './production-finished.job.js';
import { shareLinkViewRetention } from './share-link-retention.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
addServerMessages('de', JSON.parse(read('./server-i18n/de.json')));
addServerMessages('en', JSON.parse(read('./server-i18n/en.json')));

export const customersModule: ModuleManifest = {
  id: 'customers',
  name: { de: 'Kunden und Aufträge', en: 'Customers and orders' },
  description: {
    de: 'Kundenfirmen mit Ansprechpartnern, Einwilligungen und Kontaktverlauf; Dubletten werden beim Anlegen erkannt und lassen sich zusammenführen – und wieder trennen.',
    en: 'Customer companies with contacts, consents and a history of interactions; duplicates are recognised on creation and can be merged – and separated again.',
  },
  dependsOn: ['platform'],
  // production orders need the shop floor switched on (the route says so); customers, quotes and orders do not
  uses: ['shopfloor', 'machines'],
  enabledByDefault: true,
  migrations: [
    { name: '20270201_0001_customers', sql: read('./migrations/20270201_0001_customers.sql') },
    { name: '20270302_0002_quotes_orders', sql: read('./migrations/20270302_0002_quotes_orders.sql') },
    { name: '20270320_0010_import_runs', sql: read('./migrations/20270320_0010_import_runs.sql') },
    { name: '20270321_0011_production_finished', sql: read('./migrations/20270321_0011_production_finished.sql') },
    { name: '20270410_0003_share_links', sql: read('./migrations/20270410_0003_share_links.sql') },
    { name: '20270411_0004_deliveries', sql: read('./migrations/20270411_0004_deliveries.sql') },
    { name: '20270322_0013_order_cancellation', sql: read('./migrations/20270322_0013_order_cancellation.sql') },
  ],
  tables: [
    'customer_counters', 'customers', 'customer_contacts', 'customer_consent_events', 'customer_interactions', 'customer_merges',
    'customer_quotes', 'customer_quote_versions', 'customer_quote_positions', 'customer_orders', 'customer_order_positions', 'customer_production_links',
    'customer_import_runs',
    'customer_share_links', 'customer_share_link_views',
    'customer_deliveries', 'customer_delivery_lines',
  ],
  events: customersEventTypes,
  eventLabels: customersEventLabels,
  // a moved company's customer links stop opening: the customer gets a new one
  secretColumns: ['customer_share_links.secret_hash'],
  permissions: [
    { id: 'customers.read', description: { de: 'Kunden, Ansprechpartner und Kontaktverlauf ansehen', en: 'View customers, contacts and interactions' }, roles: ['admin', 'member', 'viewer'] },
    { id: 'customers.write', description: { de: 'Kunden, Ansprechpartner, Einwilligungen und Kontakte erfassen und ändern', en: 'Record and change customers, contacts, consents and interactions' }, roles: ['admin', 'member'] },
    { id: 'customers.sales', description: { de: 'Angebote schreiben, versenden, als gewonnen oder verloren markieren und zu Kundenaufträgen machen', en: 'Write and send quotes, mark them won or lost and turn them into customer orders' }, roles: ['admin', 'member'] },
    { id: 'customers.plan', description: { de: 'Zu Auftragspositionen Fertigungsaufträge anlegen', en: 'Create production orders for customer order positions' }, roles: ['admin', 'member'] },
    { id: 'customers.import', description: { de: 'Kunden und Ansprechpartner aus CSV- und Excel-Dateien einlesen', en: 'Import customers and contacts from CSV and Excel files' }, roles: ['admin', 'member'] },
    { id: 'customers.ship', description: { de: 'Lieferungen zu Kundenaufträgen erfassen und Lieferscheine drucken', en: 'Record deliveries of customer orders and print delivery notes' }, roles: ['admin', 'member'] },
    { id: 'customers.merge', description: { de: 'Doppelte Kunden zusammenführen und das Zusammenführen rückgängig machen', en: 'Merge duplicate customers and undo a merge' }, roles: ['admin'] },
    { id: 'customers.share', description: { de: 'Links für Kunden zu ihren Aufträgen anlegen, widerrufen und sehen, wann sie geöffnet wurden', en: 'Create and revoke links for customers to their orders and see when they were opened' }, roles: ['admin', 'member'] },
  ],
  navigation: [
    { path: '/customers', label: { de: 'Kunden', en: 'Customers' }, permission: 'customers.read' },
    { path: '/quotes', label: { de: 'Angebote', en: 'Quotes' }, permission: 'customers.sales' },
    { path: '/customer-orders', label: { de: 'Kundenaufträge', en: 'Customer orders' }, permission: 'customers.read' },
    { path: '/recall', label: { de: 'Rückverfolgung', en: 'Recall' }, permission: 'customers.read' },
  ],
  personalData: [
    {
      category: { de: 'Ansprechpartner bei Kunden: Anrede, Name, Funktion, E-Mail, Telefon', en: 'Contacts at customers: salutation, name, role, e-mail, phone' },
      purpose: { de: 'Kundenbeziehung und Auftragsabwicklung (Art. 6 (1) b, f DSGVO)', en: 'Customer relationship and order processing (GDPR Art. 6 (1) b, f)' },
      dataSubjects: { de: 'Beschäftigte von Kunden', en: 'Employees of customers' },
      retention: { de: 'Bis zur Löschung des Ansprechpartners; Geschäftsbriefe nach HGB §257 und AO §147 (6 und 10 Jahre)', en: 'Until the contact is erased; business letters as HGB §257 and AO §147 require (6 and 10 years)' },
      rule: { kind: 'while-used', explanation: { de: 'Solange der Ansprechpartner geführt wird; eine Löschung anonymisiert ihn, Aufträge und Geschäftsbriefe bleiben', en: 'While the contact is kept; erasing anonymises it, orders and business letters stay' } },
    },
    {
      category: { de: 'Einwilligungen und Widerrufe je Kanal und Zweck mit Quelle und Nachweis', en: 'Consents and withdrawals per channel and purpose with source and evidence' },
      purpose: { de: 'Nachweis der Einwilligung (Art. 7 (1) DSGVO), Werbung nur mit Erlaubnis (UWG §7)', en: 'Proof of consent (GDPR Art. 7 (1)), marketing only where permitted (UWG §7)' },
      dataSubjects: { de: 'Ansprechpartner bei Kunden', en: 'Contacts at customers' },
      retention: { de: 'Solange der Nachweis gebraucht wird; ein Widerruf bleibt nachweisbar', en: 'As long as the proof is needed; a withdrawal stays provable' },
      rule: { kind: 'while-used', explanation: { de: 'Solange die Einwilligung genutzt wird oder ihr Widerruf nachgewiesen werden muss; Nachweisdateien gehen mit dem Ansprechpartner', en: 'While the consent is used or its withdrawal must be proven; evidence files go with the contact' } },
    },
    {
      category: { de: 'Kontaktverlauf: Anrufe, Besuche, E-Mails und Notizen mit Datum und Bearbeiter', en: 'Interactions: calls, visits, e-mails and notes with date and member of staff' },
      purpose: { de: 'Kundenbetreuung', en: 'Customer care' },
      dataSubjects: { de: 'Ansprechpartner bei Kunden, Beschäftigte', en: 'Contacts at customers, employees' },
      retention: { de: 'Bis zur Löschung des Kunden oder Ansprechpartners', en: 'Until the customer or contact is erased' },
      rule: { kind: 'while-used', explanation: { de: 'Solange der Kunde oder Ansprechpartner geführt wird; Betreff und Text gehen mit dem Ansprechpartner', en: 'While the customer or contact is kept; subject and text go with the contact' } },
    },
    {
      category: { de: 'Kundenfirmen von Einzelkaufleuten (e.K.) und Vertriebsverantwortliche', en: 'Customer companies of sole traders (e.K.) and sales owners' },
      purpose: { de: 'Kundenbeziehung und Auftragsabwicklung', en: 'Customer relationship and order processing' },
      dataSubjects: { de: 'Einzelkaufleute, Beschäftigte', en: 'Sole traders, employees' },
      retention: { de: 'Wie die Geschäftsunterlagen (HGB §257, AO §147)', en: 'As the business records (HGB §257, AO §147)' },
      rule: { kind: 'while-used', explanation: { de: 'Wie die Geschäftsunterlagen, zu denen die Angaben gehören (HGB §257, AO §147)', en: 'As the business records the details belong to (HGB §257, AO §147)' } },
    },
    {
      category: { de: 'Aufrufe der Kundenlinks: Zeitpunkt, gekürzte Adresse (IPv4 /24, IPv6 /48), Browserfamilie', en: 'Views of customer links: time, shortened address (IPv4 /24, IPv6 /48), browser family' },
      purpose: { de: 'Nachvollziehen, wer einen Auftragslink geöffnet hat, und Missbrauch erkennen (Art. 6 (1) f DSGVO)', en: 'Seeing who opened an order link, and noticing misuse (GDPR Art. 6 (1) f)' },
      dataSubjects: { de: 'Empfänger eines Kundenlinks', en: 'Recipients of a customer link' },
      retention: { de: '90 Tage ab dem Aufruf', en: '90 days from the view' },
      rule: shareLinkViewRetention,
    },
  ],
  dataSubjects: contactDataSubjects,
  search: customersSearch,
  routes: customersRoutes,
  demo: customersDemo,
  dashboard: customersDashboard,
  jobs: (ctx) => [productionFinishedJob(ctx)],
};
