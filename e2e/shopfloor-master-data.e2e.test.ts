import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/kernel/instance.js';
import { TestClient } from '../src/kernel/testing/test-instance.js';
import { startWithCompany } from './support/company.js';
import { TABLET, TABLET_PORTRAIT, browserAvailable, expectAccessible, newContext, screenshot, watchConsole } from './support/browser.js';

const PASSWORD = 'Stammdaten pflegen 2026';
const EMAIL = 'planung@halter.example';
const VIEWER = 'lesen@halter.example';

const ICAL = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Feiertage//DE',
  'BEGIN:VEVENT',
  'UID:einheit-2026',
  'DTSTART;VALUE=DATE:20261003',
  'DTEND;VALUE=DATE:20261004',
  'SUMMARY:Tag der Deutschen Einheit',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:feier-2026',
  'DTSTART:20261218T150000Z',
  'SUMMARY:Weihnachtsfeier',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe.runIf(browserAvailable())('shop-floor master data in Chromium', () => {
  let browser: Browser;
  let instance: Instance;
  let baseURL: string;
  let client: TestClient;
  let companyId: string;
  let api: string;

  beforeAll(async () => {
    ({ instance, baseURL, browser, client, companyId } = await startWithCompany({ company: 'Halter & Söhne GmbH', email: EMAIL, owner: 'Petra Halter', password: PASSWORD, modules: ['shopfloor'] }));
    api = `/api/v1/companies/${companyId}/shopfloor`;
    expect((await client.post(`${api}/work-centres`, { code: 'LAS-1', name: 'Laser 1' })).status).toBe(201);
    const invitation = await client.post(`/api/v1/companies/${companyId}/invitations`, { role: 'viewer' });
    const viewer = new TestClient(instance);
    const accepted = await viewer.post('/api/v1/invitations/accept', { token: new URL(invitation.body.link).hash.slice(1), user: { name: 'Lena Leser', email: VIEWER, password: PASSWORD } });
    expect(accepted.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await browser?.close();
    await instance?.close();
  });

  async function signIn(page: Page, email: string, name: string) {
    await page.goto('/signin');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('textbox', { name: 'Passwort' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: `Willkommen, ${name}` }).waitFor();
  }

  /** Fails when the page scrolls sideways at the current viewport. */
  async function expectNoSidewaysScroll(page: Page, label: string) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scrolling on ${label}`).toBeLessThanOrEqual(0);
  }

  async function check(page: Page, name: string) {
    await expectAccessible(page, name);
    await expectNoSidewaysScroll(page, name);
    await screenshot(page, `shopfloor-master-${name}-portrait`);
  }

  async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
    await scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  const screens: Array<{ name: string; path: string; heading: string }> = [];

  it('creates work centre, part and orders on a portrait tablet and stores them as entered', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    const consoleErrors = watchConsole(page);
    await signIn(page, EMAIL, 'Petra Halter');
    // upright, the navigation waits behind the burger
    await page.getByRole('button', { name: 'Navigation ein- oder ausblenden' }).click();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fertigung', exact: true }).click();
    await page.getByRole('heading', { name: 'Fertigungsaufträge' }).waitFor();

    // ---------------------------------------------------------------- work centre
    await page.getByTestId('shopfloor-tabs').getByRole('link', { name: 'Arbeitsplätze' }).click();
    await page.getByRole('heading', { name: 'Arbeitsplätze', level: 1 }).waitFor();
    await check(page, 'work-centres');
    await page.getByRole('link', { name: 'Neuer Arbeitsplatz' }).click();
    await page.getByRole('heading', { name: 'Neuer Arbeitsplatz' }).waitFor();
    await page.getByLabel('Kürzel').fill('LAS-1'); // taken: the server's answer is shown at the field
    await page.getByLabel('Bezeichnung').fill('Schweißroboter 1');

    const monday = page.getByRole('region', { name: 'Montag' });
    await monday.getByRole('button', { name: 'Schicht hinzufügen' }).click();
    const early = monday.getByRole('group', { name: 'Schicht 1' });
    await early.getByLabel('Name').fill('Früh');
    await early.getByLabel('Beginn').fill('06:00');
    await early.getByLabel('Ende').fill('14:00');
    await early.getByRole('button', { name: 'Pause hinzufügen' }).click();
    const earlyBreak = early.getByRole('group', { name: 'Montag, Schicht 1, Pause 1' });
    await earlyBreak.getByLabel('Pause von').fill('14:30');
    await earlyBreak.getByLabel('bis').fill('15:00');
    await earlyBreak.getByText('Die Pause liegt nicht innerhalb der Schicht.').waitFor(); // client-side hint while typing
    await earlyBreak.getByLabel('Pause von').fill('09:00');
    await earlyBreak.getByLabel('bis').fill('09:15');
    expect(await earlyBreak.getByText('Die Pause liegt nicht innerhalb der Schicht.').count()).toBe(0);

    await monday.getByRole('button', { name: 'Schicht hinzufügen' }).click();
    const night = monday.getByRole('group', { name: 'Schicht 2' });
    await night.getByLabel('Name').fill('Nacht');
    await night.getByLabel('Beginn').fill('22:00');
    await night.getByLabel('Ende').fill('06:00');
    await night.getByText('Nachtschicht – endet am Folgetag').waitFor();
    await night.getByText('Dauer 8 Std.').waitFor();
    await night.getByRole('button', { name: 'Pause hinzufügen' }).click();
    const nightBreak = night.getByRole('group', { name: 'Montag, Schicht 2, Pause 1' });
    await nightBreak.getByLabel('Pause von').fill('02:00');
    await nightBreak.getByLabel('bis').fill('02:30');
    await monday.getByRole('button', { name: 'Für Dienstag bis Freitag übernehmen' }).click();
    expect(await page.getByRole('region', { name: 'Freitag' }).getByRole('group', { name: 'Schicht 2' }).getByLabel('Beginn').inputValue()).toBe('22:00');

    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('problem').getByText('Diese Nummer ist bereits vergeben.').waitFor();
    await page.getByText('Diese Nummer ist bereits vergeben.', { exact: true }).first().waitFor();
    expect(await night.getByLabel('Beginn').inputValue()).toBe('22:00'); // nothing lost
    expect((await client.get(`${api}/work-centres`)).body).toHaveLength(1);
    await page.getByLabel('Kürzel').fill('SW-1');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { name: 'Arbeitsplatz SW-1' }).waitFor();
    await page.getByTestId('saved').waitFor();
    await check(page, 'work-centre');

    // iCal file with one holiday and one timed event (skipped with a warning)
    await page.locator('input[type="file"]').setInputFiles({ name: 'feiertage.ics', mimeType: 'text/calendar', buffer: Buffer.from(ICAL) });
    await page.getByRole('button', { name: 'Feiertage importieren' }).click();
    await page.getByTestId('ical-result').getByText('Gelesene Termine: 1, neu gespeicherte Feiertage: 1.').waitFor();
    await page.getByTestId('ical-warnings').getByText('Termin „Weihnachtsfeier“ ist kein ganztägiger Termin (DTSTART 20261218T150000Z) und wurde übersprungen.').waitFor();
    await page.getByTestId('holiday-list').locator('[data-date="2026-10-03"]').waitFor();
    // the import saved the holidays itself: leaving now does not ask
    await page.getByRole('link', { name: 'Zurück zum Arbeitsplatz' }).click();
    await page.waitForURL(/\/work-centres\/[0-9a-f-]{36}$/);
    await page.goBack();
    await page.getByTestId('holiday-list').locator('[data-date="2026-10-03"]').waitFor();
    await page.getByLabel('Datum', { exact: true }).fill('2026-12-24');
    await page.getByRole('button', { name: 'Feiertag hinzufügen' }).click();
    await page.getByTestId('holiday-list').locator('[data-date="2026-12-24"]').waitFor();
    // a holiday added by hand is not saved yet: leaving asks
    await page.getByRole('link', { name: 'Zurück zum Arbeitsplatz' }).click();
    const askCentre = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
    await askCentre.getByRole('button', { name: 'Auf der Seite bleiben' }).click();
    await askCentre.waitFor({ state: 'hidden' });
    await expectAccessible(page, 'work centre after iCal import');
    await screenshot(page, 'shopfloor-master-work-centre-ical-portrait');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(async () => (await client.get(`${api}/work-centres`)).body.find((w: { code: string }) => w.code === 'SW-1')?.calendar.holidays).toEqual(['2026-10-03', '2026-12-24']);
    const centres = (await client.get(`${api}/work-centres`)).body as Array<{ id: string; code: string; name: string; calendar: { timeZone: string; week: Record<string, unknown> } }>;
    const sw = centres.find((w) => w.code === 'SW-1')!;
    const shifts = [
      { name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:15' }] },
      { name: 'Nacht', start: '22:00', end: '06:00', breaks: [{ start: '02:00', end: '02:30' }] },
    ];
    expect(sw.name).toBe('Schweißroboter 1');
    expect(sw.calendar.timeZone).toBe('Europe/Berlin');
    expect(sw.calendar.week).toEqual({ mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts });
    screens.push({ name: 'work-centre', path: `shopfloor/work-centres/${sw.id}`, heading: 'Arbeitsplatz SW-1' }, { name: 'work-centre-edit', path: `shopfloor/work-centres/${sw.id}/edit`, heading: 'Arbeitsplatz SW-1' });
    // its own page: shifts, next holidays, and the edit just made in its history, as sentences with who made them
    await page.getByRole('link', { name: 'Zurück zum Arbeitsplatz' }).click();
    await page.getByRole('heading', { name: 'Arbeitsplatz SW-1', level: 1 }).waitFor();
    expect(await page.getByTestId('centre-shifts').textContent()).toContain('Mo–Fr 06:00–14:00, 22:00–06:00');
    const centreHistory = page.getByTestId('record-history');
    await centreHistory.getByText('Arbeitsplatz SW-1 geändert. Betroffen: Feiertage.', { exact: true }).waitFor();
    await centreHistory.getByText('1 Feiertag aus einem Kalender übernommen, 1 davon neu.').waitFor();
    expect(await centreHistory.locator('[data-history-entry]').first().textContent()).toContain('Petra Halter');
    expect(await centreHistory.locator('[data-history-entry]').last().textContent()).toContain('Arbeitsplatz SW-1 angelegt.');
    await check(page, 'work-centre-detail');

    // ---------------------------------------------------------------- part with routing
    await page.getByTestId('shopfloor-tabs').getByRole('link', { name: 'Teile und Arbeitspläne' }).click();
    await page.getByRole('heading', { name: 'Teile und Arbeitspläne', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Neues Teil' }).click();
    await page.getByRole('heading', { name: 'Neues Teil' }).waitFor();
    await page.getByLabel('Teilenummer').fill('HAL-200');
    await page.getByLabel('Bezeichnung').fill('Halter geschweißt'); // the only one before a parameter exists
    await page.getByRole('button', { name: 'Arbeitsgang hinzufügen' }).click();
    await page.getByRole('button', { name: 'Arbeitsgang hinzufügen' }).click();
    const first = page.locator('[data-operation="1"]');
    const second = page.locator('[data-operation="2"]');
    await first.getByLabel('Arbeitsgang', { exact: true }).fill('Sichtprüfung');
    await choose(page, first, 'Arbeitsplatz', 'LAS-1 – Laser 1');
    await first.getByLabel('Taktzeit ideal (s)').fill('20');
    await second.getByLabel('Arbeitsgang', { exact: true }).fill('Schweißen');
    await choose(page, second, 'Arbeitsplatz', 'SW-1 – Schweißroboter 1');
    await second.getByLabel('Rüstzeit (min)').fill('20');
    await second.getByLabel('Taktzeit ideal (s)').fill('92,5');
    await second.getByRole('button', { name: 'Parameter hinzufügen' }).click();
    const current = second.getByRole('group', { name: /^Parameter 1/ });
    await current.getByLabel('Bezeichnung (deutsch)').fill('Schweißstrom');
    await current.getByLabel('Bezeichnung (englisch)').fill('Welding current');
    await current.getByLabel('Einheit').fill('A');
    await current.getByLabel('Sollwert').fill('180');
    await current.getByLabel('Toleranz nach unten').fill('5');
    await current.getByLabel('Toleranz nach oben').fill('7,5');
    await current.getByText('Pflichtfeld').click();
    await current.getByTestId('tolerance-range').getByText('Zulässig: 175 A bis 187,5 A').waitFor();

    // Welding comes first: move it up by keyboard; the focus stays on the moved operation
    await page.getByRole('button', { name: 'Arbeitsgang 2 nach oben' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-operation="1"]').getByRole('heading', { name: '1. Schweißen' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Arbeitsgang 1 nach unten');
    await check(page, 'part');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('heading', { name: 'Teil HAL-200' }).waitFor();
    const [part] = (await client.get(`${api}/parts`)).body;
    expect(part).toMatchObject({ number: 'HAL-200', name: 'Halter geschweißt' });
    expect(part.operations.map((o: { name: string; workCentreId: string; setupMinutes: number; idealCycleSeconds: number }) => [o.name, o.workCentreId, o.setupMinutes, o.idealCycleSeconds])).toEqual([
      ['Schweißen', sw.id, 20, 92.5],
      ['Sichtprüfung', centres.find((w) => w.code === 'LAS-1')!.id, 0, 20],
    ]);
    expect(part.operations[0].parameters).toEqual([
      { id: 'schweissstrom', label: { de: 'Schweißstrom', en: 'Welding current' }, type: 'number', required: true, unit: 'A', target: 180, lowerTolerance: 5, upperTolerance: 7.5 },
    ]);
    expect(part.operations[1].parameters).toEqual([]);
    screens.push({ name: 'part', path: `shopfloor/parts/${part.id}/edit`, heading: 'Teil HAL-200' }, { name: 'part-detail', path: `shopfloor/parts/${part.id}`, heading: 'Teil HAL-200' });
    // the part's own page: routing, no orders yet, the way to the first one; an edit shows in its history
    await page.getByRole('link', { name: 'Zurück zum Teil' }).click();
    await page.getByRole('heading', { name: 'Teil HAL-200', level: 1 }).waitFor();
    await page.getByTestId('part-no-orders').waitFor();
    expect(await page.getByTestId('part-routing').textContent()).toContain('SW-1 – Schweißroboter 1');
    await page.getByTestId('part-next-step').getByRole('link', { name: 'Neuer Auftrag für dieses Teil' }).waitFor();
    await page.getByRole('link', { name: 'Teil HAL-200 bearbeiten' }).click();
    await page.locator('[data-operation="2"]').getByLabel('Rüstzeit (min)').fill('5');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('saved').waitFor();
    await page.getByRole('link', { name: 'Zurück zum Teil' }).click();
    const partHistory = page.getByTestId('record-history');
    await partHistory.locator('[data-history-entry]').nth(1).waitFor();
    expect(await partHistory.locator('[data-history-entry]').allTextContents()).toEqual([
      expect.stringMatching(/^Teil HAL-200 geändert\. Betroffen: Arbeitsplan\.Petra Halter, /),
      expect.stringMatching(/^Teil HAL-200 angelegt\.Petra Halter, /),
    ]);
    await check(page, 'part-detail');
    await page.getByRole('link', { name: 'Zur Teileliste' }).click();
    await page.getByTestId('part-list').locator('[data-part="HAL-200"]').waitFor();
    // the list is searched by number, name, operation or work centre, regardless of case and accents
    await page.getByRole('searchbox', { name: 'Suchen' }).fill('Gehäuse');
    await page.getByTestId('list-no-match').getByText('Nichts passt zu „Gehäuse“.').waitFor();
    await page.getByRole('searchbox', { name: 'Suchen' }).fill('geschweisst sw-1');
    await page.getByTestId('part-list').locator('[data-part="HAL-200"]').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('geschweisst sw-1');
    await check(page, 'parts');

    // ---------------------------------------------------------------- order in the UI, then release
    await page.getByTestId('shopfloor-tabs').getByRole('link', { name: 'Aufträge' }).click();
    await page.getByRole('link', { name: 'Neuer Auftrag' }).click();
    await page.getByRole('heading', { name: 'Neuer Fertigungsauftrag' }).waitFor();
    await page.getByRole('button', { name: 'Auftrag anlegen' }).click();
    await page.getByTestId('problem').waitFor(); // required fields are named before anything is sent
    await page.getByLabel('Auftragsnummer').fill('FA-7001');
    await choose(page, page.locator('form'), 'Teil', 'HAL-200 – Halter geschweißt');
    await page.getByLabel('Menge').fill('50');
    await page.getByLabel('Liefertermin').fill('2027-02-01');
    await choose(page, page.locator('form'), 'Priorität', '2');
    await page.getByLabel('Kundenreferenz').fill('Bau Nord KG');
    await check(page, 'order-new');
    await page.getByRole('button', { name: 'Auftrag anlegen' }).click();
    await page.getByRole('heading', { name: 'Fertigungsaufträge' }).waitFor();
    await page.getByTestId('order-list').locator('[data-order="FA-7001"]').waitFor();
    // In portrait the orders are cards one below the other: nothing to scroll sideways, not even inside the list.
    const list = page.getByTestId('order-list');
    expect(await list.evaluate((el) => el.tagName)).toBe('UL');
    expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await list.locator('li[data-order="FA-7001"]').textContent()).toContain('Bau Nord KG');
    await check(page, 'orders');
    let [order] = (await client.get(`${api}/orders`)).body;
    expect(order).toMatchObject({ number: 'FA-7001', partId: part.id, quantity: 50, dueDate: '2027-02-01', priority: 2, customerReference: 'Bau Nord KG', releasedAt: null });
    expect(order.operations.map((o: { name: string }) => o.name)).toEqual(['Schweißen', 'Sichtprüfung']);

    await page.getByRole('link', { name: 'Auftrag FA-7001 bearbeiten oder freigeben' }).click();
    await page.getByRole('heading', { name: 'Auftrag FA-7001' }).waitFor();
    await page.getByLabel('Menge').fill('60');
    // leaving with an unsaved change asks first; staying keeps what was typed
    await page.getByRole('link', { name: 'Zurück zum Auftrag' }).click();
    const ask = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen' });
    await ask.getByRole('button', { name: 'Auf der Seite bleiben' }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Menge').inputValue()).toBe('60');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('saved').waitFor();
    await page.getByRole('button', { name: 'Jetzt freigeben' }).click();
    await expect.poll(() => page.getByTestId('release-state').textContent()).toBe('freigegeben');
    await check(page, 'order-edit');
    [order] = (await client.get(`${api}/orders`)).body;
    expect(order.quantity).toBe(60);
    expect(Date.now() - Date.parse(order.releasedAt)).toBeLessThan(120_000);
    screens.push({ name: 'order-edit', path: `shopfloor/orders/${order.id}/edit`, heading: 'Auftrag FA-7001' }, { name: 'order-detail', path: `shopfloor/orders/${order.id}`, heading: 'Auftrag FA-7001' });

    // ---------------------------------------------------------------- CSV import: all or nothing
    // from the editor back to the order's page, which shows the new quantity and that nothing is booked yet
    await page.getByRole('link', { name: 'Zurück zum Auftrag' }).click();
    await page.getByRole('heading', { name: 'Auftrag FA-7001', level: 1 }).waitFor();
    await page.getByTestId('order-bookings-empty').waitFor();
    expect(await page.getByTestId('order-state').textContent()).toBe('Geplant');
    await page.getByRole('link', { name: 'Zur Auftragsliste' }).click();
    await page.getByRole('link', { name: 'CSV-Import' }).click();
    await page.getByRole('heading', { name: 'CSV-Import', level: 1 }).waitFor();
    await page.getByTestId('csv-columns').getByText('Liefertermin', { exact: true }).waitFor();
    await page.getByLabel('oder CSV-Text einfügen').fill('Auftrag;Teil;Menge;Liefertermin\nFA-7002;HAL-200;10;15.02.2027\nFA-7003;HAL-200;zehn;\n');
    await page.getByRole('button', { name: 'Aufträge importieren' }).click();
    const errors = page.getByTestId('csv-errors');
    await errors.getByText('Nichts importiert: 1 Fehler.', { exact: false }).waitFor();
    const row = errors.locator('tr[data-line="3"][data-column="quantity"]');
    await row.getByText('Zeile 3, Spalte „quantity“: „zehn“ ist keine ganze Zahl.').waitFor();
    expect((await client.get(`${api}/orders`)).body).toHaveLength(1);
    await check(page, 'csv-error');
    await page.getByLabel('oder CSV-Text einfügen').fill('');
    await page.locator('input[type="file"]').setInputFiles({ name: 'auftraege.csv', mimeType: 'text/csv', buffer: Buffer.from('Auftrag;Teil;Menge;Liefertermin\nFA-7002;HAL-200;10;15.02.2027\nFA-7003;HAL-200;12;\n') });
    await page.getByRole('button', { name: 'Aufträge importieren' }).click();
    await page.getByTestId('csv-done').getByText('2 Aufträge importiert.').waitFor();
    expect(await errors.count()).toBe(0);
    await check(page, 'csv-done');
    const orders = (await client.get(`${api}/orders`)).body as Array<{ number: string; quantity: number; dueDate: string | null }>;
    expect(orders.map((o) => [o.number, o.quantity, o.dueDate]).sort()).toEqual([['FA-7001', 60, '2027-02-01'], ['FA-7002', 10, '2027-02-15'], ['FA-7003', 12, null]]);

    await page.getByRole('link', { name: 'Zur Auftragsliste' }).click();
    await page.getByTestId('order-list').locator('[data-order="FA-7003"]').waitFor();
    await screenshot(page, 'shopfloor-master-orders-portrait');
    // The refused saves above (taken number, CSV with an error) and the signed-out start answer 4xx on purpose.
    expect(consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|409)/.test(e))).toEqual([]);
    await context.close();
  });

  it('looks right in landscape', async () => {
    const context = await newContext(browser, baseURL, TABLET);
    const page = await context.newPage();
    await signIn(page, EMAIL, 'Petra Halter');
    const all = [
      { name: 'work-centres', path: 'shopfloor/work-centres', heading: 'Arbeitsplätze' },
      { name: 'parts', path: 'shopfloor/parts', heading: 'Teile und Arbeitspläne' },
      { name: 'order-new', path: 'shopfloor/orders/new', heading: 'Neuer Fertigungsauftrag' },
      { name: 'csv', path: 'shopfloor/orders/import', heading: 'CSV-Import' },
      ...screens,
    ];
    for (const s of all) {
      await page.goto(`/c/${companyId}/${s.path}`);
      await page.getByRole('heading', { name: s.heading, level: 1 }).waitFor();
      await expectAccessible(page, `${s.name} landscape`);
      await expectNoSidewaysScroll(page, `${s.name} landscape`);
      await screenshot(page, `shopfloor-master-${s.name}-landscape`);
    }
    // a part's page lists its order; the work centre's page the order waiting there
    await page.goto(`/c/${companyId}/${screens.find((s) => s.name === 'part-detail')!.path}`);
    await page.getByTestId('part-orders').locator('[data-order="FA-7001"]').getByText('Geplant').waitFor();
    await page.goto(`/c/${companyId}/${screens.find((s) => s.name === 'work-centre')!.path}`);
    await page.getByTestId('centre-open-orders').locator('[data-order="FA-7001"]').getByText('1. Schweißen').waitFor();
    await page.getByTestId('centre-open-orders').getByRole('link', { name: 'Auftrag FA-7001 ansehen' }).click();
    await page.getByRole('heading', { name: 'Auftrag FA-7001', level: 1 }).waitFor();
    // an unknown part says so and leads back to the list
    await page.goto(`/c/${companyId}/shopfloor/parts/${crypto.randomUUID()}`);
    await page.getByRole('alert').waitFor();
    await page.getByRole('link', { name: 'Zur Teileliste' }).click();
    await page.getByRole('heading', { name: 'Teile und Arbeitspläne', level: 1 }).waitFor();
    // English: the part editor and the import page speak it, too
    await page.goto(`/c/${companyId}/shopfloor/orders/import`);
    await page.getByRole('heading', { name: 'CSV-Import', level: 1 }).waitFor();
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'CSV import', level: 1 }).waitFor();
    await page.getByTestId('csv-columns').getByText('due date, YYYY-MM-DD or DD.MM.YYYY').waitFor();
    await page.goto(`/c/${companyId}/${screens.find((s) => s.name === 'part')!.path}`);
    await page.getByRole('heading', { name: 'Part HAL-200', level: 1 }).waitFor();
    expect(await page.getByLabel('Tolerance above').inputValue()).toBe('7.5');
    await page.getByTestId('tolerance-range').getByText('Allowed: 175 A to 187.5 A').waitFor();
    await expectAccessible(page, 'part in English');
    await screenshot(page, 'shopfloor-master-part-english');
    await page.goto(`/c/${companyId}/${screens.find((s) => s.name === 'part-detail')!.path}`);
    await page.getByTestId('record-history').getByText('Part HAL-200 changed. Affected: routing.', { exact: true }).waitFor();
    await expectAccessible(page, 'part page in English');
    await screenshot(page, 'shopfloor-master-part-detail-english');
    await page.locator('label', { hasText: /^DE$/ }).click();
    await page.getByRole('heading', { name: 'Teil HAL-200', level: 1 }).waitFor();
    await context.close();
  });

  it('shows viewers the master data without anything to change', async () => {
    const context = await newContext(browser, baseURL, TABLET_PORTRAIT);
    const page = await context.newPage();
    await signIn(page, VIEWER, 'Lena Leser');
    await page.goto(`/c/${companyId}/shopfloor`);
    await page.getByTestId('order-list').locator('[data-order="FA-7001"]').waitFor();
    for (const name of ['Neuer Auftrag', 'CSV-Import']) expect(await page.getByRole('link', { name }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /bearbeiten oder freigeben/ }).count()).toBe(0);

    await page.getByTestId('shopfloor-tabs').getByRole('link', { name: 'Arbeitsplätze' }).click();
    await page.getByTestId('work-centre-list').locator('[data-code="SW-1"]').waitFor();
    expect(await page.getByRole('link', { name: 'Neuer Arbeitsplatz' }).count()).toBe(0);
    await page.getByRole('link', { name: 'SW-1 Schweißroboter 1 ansehen' }).click();
    await page.getByRole('heading', { name: 'Arbeitsplatz SW-1' }).waitFor();
    await page.getByTestId('record-history').getByText('Arbeitsplatz SW-1 geändert.').waitFor();
    expect(await page.getByTestId('edit-record').count()).toBe(0);
    await page.getByRole('link', { name: 'Alle Angaben ansehen' }).click();
    await page.getByText('Nur ansehen: Ihre Rolle darf Stammdaten nicht ändern.').waitFor();
    for (const name of ['Speichern', 'Schicht hinzufügen', 'Pause hinzufügen', 'Feiertage importieren', 'Feiertag hinzufügen']) expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.getByLabel('Kürzel').isEditable()).toBe(false);
    await page.getByTestId('holiday-list').locator('[data-date="2026-10-03"]').waitFor();
    await expectAccessible(page, 'work centre read-only');
    await screenshot(page, 'shopfloor-master-work-centre-viewer');

    await page.getByTestId('shopfloor-tabs').getByRole('link', { name: 'Teile und Arbeitspläne' }).click();
    expect(await page.getByRole('link', { name: 'Neues Teil' }).count()).toBe(0);
    await page.getByRole('link', { name: 'HAL-200 Halter geschweißt ansehen' }).click();
    await page.getByRole('heading', { name: 'Teil HAL-200' }).waitFor();
    await page.getByTestId('record-history').getByText('Teil HAL-200 geändert.').waitFor();
    expect(await page.getByTestId('edit-record').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Neuer Auftrag für dieses Teil' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Alle Angaben ansehen' }).click();
    for (const name of ['Speichern', 'Arbeitsgang hinzufügen', 'Parameter hinzufügen', 'Arbeitsgang 1 nach unten']) expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.getByLabel('Sollwert').inputValue()).toBe('180');
    expect(await page.getByLabel('Toleranz nach oben').inputValue()).toBe('7,5');
    expect(await page.getByLabel('Sollwert').isEditable()).toBe(false);
    await expectAccessible(page, 'part read-only');
    await screenshot(page, 'shopfloor-master-part-viewer');
    await context.close();
  });
});
