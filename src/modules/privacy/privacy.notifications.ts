import type { NotificationProvider } from '../../kernel/notifications/notification-provider.js';
import { breachClock, notificationDeadline } from './domain/breach.js';
import * as store from './breaches.store.js';

/** Breaches whose 72 hours run or have run out without a notice: the most pressing thing a firm can have open. */
export const privacyNotifications: NotificationProvider = {
  permission: 'privacy.read',
  kinds: { breachClock: { de: 'Datenschutzvorfall: Meldefrist', en: 'Data breach: notification deadline' } },
  async list(db, { tenantId, now, limit }) {
    const rows = await store.breachesAwaitingNotice(db, tenantId);
    return rows.slice(0, limit).map((r) => {
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
  },
};
