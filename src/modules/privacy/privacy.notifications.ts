import { pluralKey, translate } from '../../kernel/i18n/server-messages.js';
import type { NotificationItem, NotificationProvider } from '../../kernel/notifications/notification-provider.js';
import { breachClock, notificationDeadline } from './domain/breach.js';
import * as store from './breaches.store.js';
import { skillAlerts } from './skills.service.js';

/**
 * Breaches whose 72 hours run or have run out without a notice (the most pressing thing a firm can
 * have open); people not ready for a go-live within 30 days or past it; the yearly IT-security
 * awareness training due or overdue.
 */
export const privacyNotifications: NotificationProvider = {
  permission: 'privacy.read',
  kinds: {
    breachClock: { de: 'Datenschutzvorfall: Meldefrist', en: 'Data breach: notification deadline' },
    skillsGoLive: { de: 'Kompetenzen vor dem Start', en: 'Skills before go-live' },
    awarenessTraining: { de: 'Schulung zur IT-Sicherheit', en: 'IT-security awareness training' },
  },
  async list(db, { tenantId, now, limit, locale }) {
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
    return [...breaches, ...goLives.filter((g) => g.severity === 'critical'), ...goLives.filter((g) => g.severity !== 'critical'), ...awareness].slice(0, limit);
  },
};
