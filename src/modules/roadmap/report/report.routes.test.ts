import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../kernel/instance.js';
import { pdfPages } from '../../../kernel/testing/pdf-pages.js';
import { TestClient, startTestInstance } from '../../../kernel/testing/test-instance.js';
import { demoCompany } from './demo-company.test-support.js';
import { REPORT_LABELS } from './report-labels.js';

/** The text of each page; every page must be A4 portrait. */
async function pdfTexts(data: Buffer): Promise<string[]> {
  const pages = await pdfPages(data);
  for (const page of pages) expect(page.size).toEqual([595, 842]);
  return pages.map((page) => page.text);
}

describe('Board report (PDF)', () => {
  let instance: Instance;
  let client: TestClient;
  let api: string;
  let evaluated: { id: string; title: { de: string; en: string } };
  beforeAll(async () => {
    instance = await startTestInstance('embedded');
    let id: string;
    ({ client, api, id } = await demoCompany(instance));
    // 3 years at 10 %: −10 000 €, then 5 000 € savings a year; risk alone, rated 4 of 5.
    evaluated = (await client.get(`${api}/plan`)).body.items[1];
    const created = await client.post(`/api/v1/companies/${id}/invest/evaluations`, {
      title: 'Angebot Tablet-Terminals',
      horizonYears: 3,
      discountRate: 0.1,
      inputs: { investmentCents: 1_000_000, savingsPerYearCents: 500_000 },
      criteria: [{ id: 'risk', weight: 1, score: 4 }],
      planItemId: evaluated.id,
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => instance?.close());

  for (const lang of ['de', 'en'] as const) {
    it(`has the expected pages and texts in ${lang}`, async () => {
      const L = REPORT_LABELS[lang];
      const res = await client.get(`${api}/report.pdf?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pages = await pdfTexts(res.raw.rawPayload);
      const all = pages.join('\n');
      const find = (text: string) => pages.findIndex((p) => p.includes(text));

      expect(pages[0]).toContain(L.title);
      expect(pages[0]).toContain('Muster Report GmbH');
      expect(pages[0]).toContain(L.profile);
      for (const [i, page] of pages.entries()) expect(page).toContain(L.page(i + 1, pages.length));

      const suggestions = (await client.get(`${api}/suggestions`)).body.suggestions;
      const plan = (await client.get(`${api}/plan`)).body;
      const order = [L.dimensions, L.classifications, L.measures, L.matrix, L.plan].map(find);
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(pages[order[0]!]).toContain(L.strengths);
      expect(pages[order[0]!]).toContain(L.gaps);
      expect(pages[order[1]!]).toMatch(/Fraunhofer ISI/);
      expect(pages[order[1]!]).toMatch(/201[56]/);
      expect(all).toContain(suggestions[0].title[lang].slice(0, 30));
      expect(all).toContain(suggestions[0].reason[lang].slice(0, 30));
      const planPages = pages.slice(order[4]!).join(' ');
      for (const item of plan.items) expect(planPages).toContain(item.title[lang].slice(0, 20));
      expect(planPages).toContain(plan.items.find((i: { startQuarter: string | null }) => i.startQuarter).startQuarter.replace('-', ' '));

      // The attached evaluation with its figures, worked out by hand: NPV = −10 000 + 5 000 · (1/1.1 + 1/1.21 + 1/1.331)
      // = 2 434.26 € (whole euros in the report); cumulative −10 000, −5 000, 0 → payback 2.0 years; utility 4/5 = 80.
      const evaluations = planPages.slice(planPages.indexOf(L.evaluations));
      expect(planPages).toContain(L.evaluations);
      expect(evaluations).toContain('Angebot Tablet-Terminals');
      expect(evaluations).toContain(evaluated.title[lang].slice(0, 20));
      expect(evaluations).toContain(lang === 'de' ? '2.434 €' : '€2,434');
      expect(evaluations).toContain(lang === 'de' ? '2,0 Jahre' : '2.0 years');
      expect(evaluations).toContain('80 / 100');

      // The profile in words, not codes.
      const profile = lang === 'de'
        ? ['Herstellung von Metallerzeugnissen', 'Einzel- oder Kleinserie', 'Mittel komplexe Produkte', 'Baden-Württemberg', 'Region Stuttgart']
        : ['Manufacture of fabricated metal', 'Single items or small series', 'Medium-complex products', 'Baden-Württemberg', 'Stuttgart region'];
      for (const text of profile) expect(pages[0]).toContain(text);
      expect(pages[0]).not.toContain('DE-BW');
      expect(pages[0]).not.toMatch(/\b(single|stuttgart|medium)\b/);
    });
  }

  it('rejects an unknown language', async () => {
    const res = await client.get(`${api}/report.pdf?lang=fr`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
  });
});
