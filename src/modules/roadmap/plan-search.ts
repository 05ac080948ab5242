import { translate } from '../../kernel/i18n/server-messages.js';
import type { NotificationItem, NotificationProvider } from '../../kernel/notifications/notification-provider.js';
import { matchClass } from '../../kernel/search/rank-hits.js';
import type { SearchProvider } from '../../kernel/search/search-provider.js';
import { measureCatalogue } from './catalogue/measure-catalogue.js';
import { parseQuarter, quarterStart } from './domain/quarter.js';
import { quarterOf } from './plan.service.js';
import { listPlanItems, type PlanItemRow } from './roadmap.store.js';

const titles = new Map(measureCatalogue.measures.map((m) => [m.id, m.title]));
const titleOf = (item: PlanItemRow, locale: 'de' | 'en') => item.title ?? (item.measure_id ? titles.get(item.measure_id)?.[locale] : undefined) ?? '';
const quarterText = (q: string) => q.replace('-', ' ');

/**
 * Measures of the company's plan by title (a catalogue measure's in the reader's language, an own
 * measure's as written), owner and description. A plan holds tens of measures, and catalogue
 * titles live in the catalogue, not in a table: the plan is read whole (primary key's `tenant_id`)
 * and matched here.
 */
export const roadmapSearch: SearchProvider = {
  permission: 'roadmap.read',
  kinds: { measure: { de: 'Maßnahmen', en: 'Measures' } },
  async find(db, { tenantId, query, limit, locale }) {
    const items = await listPlanItems(db, tenantId);
    const found = items
      .map((item) => {
        const title = titleOf(item, locale);
        const texts = [title, item.owner_name ?? item.owner_text ?? '', item.description ?? ''];
        return { item, title, texts, score: Math.min(...texts.map((t) => matchClass(t, query))) };
      })
      .filter((f) => f.score < 4)
      .sort((a, b) => a.score - b.score || a.title.localeCompare(b.title, locale))
      .slice(0, limit);
    return found.map(({ item, title, texts }) => ({
      kind: 'measure',
      id: item.id,
      title,
      subtitle: [
        translate(locale, `boardReport.statuses.${item.status}`),
        item.start_quarter ? [...new Set([item.start_quarter, item.end_quarter ?? item.start_quarter])].map(quarterText).join(' – ') : '',
        item.owner_name ?? item.owner_text ?? '',
      ].filter(Boolean).join(' · '),
      path: `/roadmap/plan?item=${item.id}`,
      matched: texts.slice(0, 2),
    }));
  },
};

/** Last day of a quarter like 2026-Q4, as YYYY-MM-DD. */
function quarterEnd(quarter: string): string {
  const next = new Date(`${quarterStart(parseQuarter(quarter) + 1)}T00:00:00Z`);
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10);
}

const DUE_SOON_DAYS = 14;

/**
 * Measures not done whose planned end has passed (overdue), and those whose end quarter ends within
 * the next two weeks (due soon).
 */
export const roadmapNotifications: NotificationProvider = {
  permission: 'roadmap.read',
  kinds: {
    overdue: { de: 'Maßnahme überfällig', en: 'Measure overdue' },
    dueSoon: { de: 'Maßnahme bald fällig', en: 'Measure due soon' },
  },
  async list(db, { tenantId, now, limit, locale }) {
    const current = parseQuarter(quarterOf(now));
    const today = now.toISOString().slice(0, 10);
    const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString().slice(0, 10);
    const items = (await listPlanItems(db, tenantId)).filter((i) => (i.status === 'planned' || i.status === 'in_progress') && (i.end_quarter ?? i.start_quarter));
    const out: NotificationItem[] = [];
    for (const item of items) {
      const end = item.end_quarter ?? item.start_quarter!;
      const due = quarterEnd(end);
      const kind = parseQuarter(end) < current || due < today ? 'overdue' : due <= soon ? 'dueSoon' : undefined;
      if (!kind) continue;
      out.push({
        key: `${kind}:${item.id}:${end}`,
        kind,
        severity: kind === 'overdue' ? 'warning' : 'info',
        title: titleOf(item, locale),
        subtitle: [translate(locale, `boardReport.statuses.${item.status}`), item.owner_name ?? item.owner_text ?? ''].filter(Boolean).join(' · '),
        at: due,
        atMeaning: 'due',
        path: `/roadmap/plan?item=${item.id}`,
      });
    }
    return out.sort((a, b) => a.at.localeCompare(b.at)).slice(0, limit);
  },
};
