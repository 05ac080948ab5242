import type { Db } from '../../kernel/db/database.js';
import { type Locale, pluralKey, translate } from '../../kernel/i18n/server-messages.js';
import { DASHBOARD_TIME_ZONE } from '../../kernel/dashboard/dashboard.service.js';
import type { NotificationItem, NotificationProvider } from '../../kernel/notifications/notification-provider.js';
import { breachClock, notificationDeadline } from './domain/breach.js';
import { requestClock } from './domain/subject-request.js';
import * as store from './breaches.store.js';
import * as security from './security.store.js';
import { skillAlerts } from './skills.service.js';
import * as requests from './subject-requests.store.js';

/** The review of the security concept shows this many days before it is due. */
const REVIEW_NOTICE_DAYS = 30;

/**
 * For those who keep the register (privacy.read): breaches whose 72 hours run or have run out
 * without a notice (the most pressing thing a firm can have open); people not ready for a go-live
 * within 30 days or past it; the yearly IT-security awareness training due or overdue; the security
 * concept's yearly review; data-subject requests in their last week or past their deadline. For every member: an adopted security concept they have not acknowledged.
 */
export const privacyNotifications: NotificationProvider = {
  permission: 'privacy.acknowledge',
  kinds: {
    breachClock: { de: 'Datenschutzvorfall: Meldefrist', en: 'Data breach: notification deadline' },
    skillsGoLive: { de: 'Kompetenzen vor dem Start', en: 'Skills before go-live' },
    awarenessTraining: { de: 'Schulung zur IT-Sicherheit', en: 'IT-security awareness training' },
    conceptReview: { de: 'Sicherheitskonzept: jährliche Überprüfung', en: 'Security concept: yearly review' },
    subjectRequest: { de: 'Betroffenenanfrage: Antwortfrist', en: 'Data-subject request: deadline to answer' },
    conceptAcknowledge: { de: 'Sicherheitskonzept: bitte lesen und bestätigen', en: 'Security concept: please read and acknowledge' },
  },
  async list(db, { tenantId, userId, permissions, now, limit, locale }) {
    const concept = await conceptItems(db, tenantId, userId, permissions, now, locale);
    if (!permissions.has('privacy.read')) return concept.slice(0, limit);
    const rows = await store.breachesAwaitingNotice(db, tenantId);
    const breaches: NotificationItem[] = rows.map((r) => {
      const known = new Date(r.became_known_at).getTime();
      const clock = breachClock({ becameKnownAt: known, risk: r.risk as 'risk', riskReason: r.risk_reason, authorityNotifiedAt: null, delayReason: r.delay_reason, subjectsInformedAt: null, subjectsException: null }, now.getTime());
      return {
        // new once overdue, so a read item comes back when the deadline passes
        key: `breach:${r.id}:${clock.state}`,
        kind: 'breachClock',
        severity: 'critical' as const,
        title: r.title,
        at: new Date(notificationDeadline(known)).toISOString(),
        atMeaning: 'due' as const,
        path: `/privacy/breaches/${r.id}`,
      };
    });
    const open = await requests.openRequests(db, tenantId);
    const due: NotificationItem[] = open.flatMap((r) => {
      const clock = requestClock({ receivedOn: r.received_on, extensionMonths: r.extension_months, state: 'open', closedAt: null }, now.getTime(), DASHBOARD_TIME_ZONE);
      if (clock.state !== 'due-soon' && clock.state !== 'overdue') return [];
      return [{
        key: `request:${r.id}:${clock.deadline}:${clock.state}`,
        kind: 'subjectRequest',
        severity: clock.state === 'overdue' ? ('critical' as const) : ('warning' as const),
        title: r.requester_name,
        at: clock.deadline,
        atMeaning: 'due' as const,
        path: `/privacy/requests/${r.id}`,
      }];
    });
    const alerts = await skillAlerts(db, tenantId, now.getTime());
    const goLives: NotificationItem[] = alerts.requirements.map((r) => ({
      // new when the go-live passes and when the number of people not ready changes
      key: `skills:${r.id}:${r.urgency}:${r.flagged}`,
      kind: 'skillsGoLive',
      severity: r.urgency === 'overdue' ? 'critical' : 'warning',
      title: r.title?.[locale] ?? translate(locale, 'privacyNotifications.subjectGone'),
      subtitle: translate(locale, pluralKey(locale, `privacyNotifications.notReady.${r.urgency}`, r.flagged), { count: r.flagged }),
      at: r.goLiveOn,
      atMeaning: 'due',
      path: '/privacy/skills/requirements',
    }));
    const awareness: NotificationItem[] = [];
    for (const group of [['never', 'overdue'], ['due-soon']] as const) {
      const people = alerts.awareness.filter((p) => (group as readonly string[]).includes(p.duty.state));
      if (people.length === 0) continue;
      const first = people.map((p) => p.duty.dueOn).sort()[0]!;
      const overdue = group[0] === 'never';
      awareness.push({
        key: `awareness:${overdue ? 'overdue' : 'soon'}:${people.length}:${first}`,
        kind: 'awarenessTraining',
        severity: overdue ? 'warning' : 'info',
        title: translate(locale, pluralKey(locale, `privacyNotifications.awareness.${overdue ? 'overdue' : 'soon'}`, people.length), { count: people.length }),
        subtitle: people.slice(0, 5).map((p) => p.name).join(', ') + (people.length > 5 ? ' …' : ''),
        at: first,
        atMeaning: 'due',
        path: '/privacy/skills',
      });
    }
    return [...breaches, ...due.filter((d) => d.severity === 'critical'), ...goLives.filter((g) => g.severity === 'critical'), ...due.filter((d) => d.severity !== 'critical'), ...goLives.filter((g) => g.severity !== 'critical'), ...awareness, ...concept].slice(0, limit);
  },
};

/** The security concept's review (for those who manage privacy) and the caller's missing acknowledgement. */
async function conceptItems(db: Db, tenantId: string, userId: string, permissions: ReadonlySet<string>, now: Date, locale: Locale): Promise<NotificationItem[]> {
  const adopted = await security.latestAdopted(db, tenantId);
  if (!adopted) return [];
  const items: NotificationItem[] = [];
  if (permissions.has('privacy.manage')) {
    const soon = new Date(now.getTime() + REVIEW_NOTICE_DAYS * 86_400_000).toISOString().slice(0, 10);
    const due = adopted.reviewDue <= now.toISOString().slice(0, 10);
    if (adopted.reviewDue <= soon) {
      items.push({
        key: `concept-review:${adopted.version}:${due ? 'due' : 'soon'}`,
        kind: 'conceptReview',
        severity: due ? 'warning' : 'info',
        title: translate(locale, 'securityConcept.reviewTitle', { version: adopted.version }),
        at: adopted.reviewDue,
        atMeaning: 'due',
        path: '/privacy/security/concept',
      });
    }
  }
  if (!(await security.acknowledgements(db, tenantId, adopted.version)).has(userId)) {
    items.push({
      key: `concept-acknowledge:${adopted.version}`,
      kind: 'conceptAcknowledge',
      severity: 'info',
      title: translate(locale, 'securityConcept.acknowledgeTitle', { version: adopted.version }),
      at: adopted.adoptedAt,
      atMeaning: 'since',
      path: '/privacy/security/concept',
    });
  }
  return items;
}
