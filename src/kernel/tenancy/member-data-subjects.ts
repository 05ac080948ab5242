import { sql } from 'kysely';
import type { DataSubjectProvider, DataSubjectSection } from '../modules/data-subjects.js';
import { textMatch } from '../search/text-match.js';

/** The name an erased account keeps: the audit log still says that someone did something. */
export const ERASED_PERSON_NAME = 'Gelöschte Person / Erased person';

const ROLE_NAMES: Record<string, { de: string; en: string }> = {
  owner: { de: 'Inhaber/in', en: 'Owner' },
  admin: { de: 'Administrator/in', en: 'Administrator' },
  member: { de: 'Mitglied', en: 'Member' },
  shopfloor: { de: 'Fertigung', en: 'Shop floor' },
  viewer: { de: 'Nur lesen', en: 'Viewer' },
  advisor: { de: 'Berater/in', en: 'Advisor' },
};

const membership = (db: Parameters<DataSubjectProvider['find']>[0], tenantId: string, userId: string) =>
  db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'u.created_at', 'u.totp_enabled_at', 'm.role', 'm.personnel_number', 'm.pin_hash', 'm.created_at as member_since'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();

/**
 * The company's members and shop-floor workers. Erasing one ends the membership (role, personnel
 * number, PIN) and — when the account belongs to no other company — anonymises the account: name,
 * e-mail, password, second factor and sessions go, so nobody can sign in with it, while everyone
 * else signs in as before. The audit entries the person made stay, showing the erased name.
 */
export const memberDataSubjects: DataSubjectProvider = {
  async find(db, tenantId, query) {
    const match = textMatch(query, ['u.name', 'u.email', 'm.personnel_number']);
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.personnel_number'])
      .where('m.tenant_id', '=', tenantId)
      .where(match.where)
      .orderBy(match.rank)
      .orderBy('u.name')
      .limit(50)
      .execute();
    return rows.map((r) => {
      const role = ROLE_NAMES[r.role] ?? { de: r.role, en: r.role };
      const worker = r.personnel_number !== null;
      return {
        ref: r.id,
        kind: worker ? { de: 'Beschäftigte/r mit Personalnummer', en: 'Employee with personnel number' } : { de: 'Benutzerkonto im Unternehmen', en: 'User account of the company' },
        name: r.name,
        email: r.email,
        phone: null,
        context: worker ? { de: `${role.de} · Personalnummer ${r.personnel_number}`, en: `${role.en} · personnel number ${r.personnel_number}` } : role,
      };
    });
  },

  async export(db, tenantId, ref): Promise<DataSubjectSection[]> {
    const m = await membership(db, tenantId, ref);
    if (!m) return [];
    const actions = await db
      .selectFrom('audit_log')
      .select(['at', 'action'])
      .where('tenant_id', '=', tenantId)
      .where('actor_id', '=', ref)
      .orderBy('at', 'desc')
      .limit(1000)
      .execute();
    return [
      {
        title: { de: 'Benutzerkonto und Mitgliedschaft', en: 'User account and membership' },
        labels: {
          name: { de: 'Name', en: 'Name' }, email: { de: 'E-Mail', en: 'E-mail' }, language: { de: 'Sprache', en: 'Language' },
          accountSince: { de: 'Konto seit', en: 'Account since' }, role: { de: 'Rolle', en: 'Role' }, personnelNumber: { de: 'Personalnummer', en: 'Personnel number' },
          memberSince: { de: 'Mitglied seit', en: 'Member since' }, pinSet: { de: 'PIN gesetzt (nur als Hash gespeichert)', en: 'PIN set (stored only as a hash)' },
          twoFactor: { de: 'Zwei-Faktor-Anmeldung', en: 'Two-factor sign-in' },
        },
        records: [{
          name: m.name, email: m.email, language: m.locale, accountSince: new Date(m.created_at).toISOString(), role: m.role,
          personnelNumber: m.personnel_number, memberSince: new Date(m.member_since).toISOString(), pinSet: m.pin_hash !== null, twoFactor: m.totp_enabled_at !== null,
        }],
      },
      {
        title: { de: 'Protokolleinträge der Person', en: 'Audit entries made by the person' },
        labels: { at: { de: 'Zeitpunkt', en: 'Time' }, action: { de: 'Aktion', en: 'Action' } },
        records: actions.map((a) => ({ at: new Date(a.at).toISOString(), action: a.action })),
      },
    ];
  },

  async erase(db, ctx, ref) {
    const m = await membership(db, ctx.tenantId, ref);
    if (!m) return { erased: [], kept: [] };
    if (ref === ctx.actorId) return { erased: [], kept: [], blocked: { de: 'Das eigene Benutzerkonto kann nicht über eine Anfrage gelöscht werden; das muss ein anderer Inhaber tun.', en: 'One’s own account cannot be erased through a request; another owner has to do it.' } };
    if (m.role === 'owner') {
      const owners = await db.selectFrom('memberships').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', ctx.tenantId).where('role', '=', 'owner').executeTakeFirstOrThrow();
      if (Number(owners.n) <= 1) return { erased: [], kept: [], blocked: { de: 'Die letzte Inhaberin bzw. der letzte Inhaber kann nicht gelöscht werden.', en: 'The company’s last owner cannot be erased.' } };
    }
    const erased: Array<{ what: { de: string; en: string }; count: number }> = [];
    const kept: Array<{ what: { de: string; en: string }; count: number; reason: { de: string; en: string } }> = [];

    await db.deleteFrom('memberships').where('tenant_id', '=', ctx.tenantId).where('user_id', '=', ref).execute();
    erased.push({ what: { de: 'Mitgliedschaft mit Rolle, Personalnummer und PIN', en: 'Membership with role, personnel number and PIN' }, count: 1 });
    await db.deleteFrom('notification_reads').where('tenant_id', '=', ctx.tenantId).where('user_id', '=', ref).execute();
    await db.deleteFrom('sessions').where('user_id', '=', ref).where('scope_tenant_id', '=', ctx.tenantId).execute();
    if (m.email) {
      const invited = await db.updateTable('invitations').set({ email: null }).where('tenant_id', '=', ctx.tenantId).where(sql<boolean>`lower(email) = lower(${m.email})`).executeTakeFirst();
      if (Number(invited.numUpdatedRows) > 0) erased.push({ what: { de: 'E-Mail-Adresse in Einladungen', en: 'E-mail address in invitations' }, count: Number(invited.numUpdatedRows) });
    }

    const elsewhere = await db.selectFrom('memberships').select('tenant_id').where('user_id', '=', ref).limit(1).executeTakeFirst();
    if (elsewhere) {
      kept.push({
        what: { de: 'Benutzerkonto (Name, E-Mail-Adresse)', en: 'User account (name, e-mail address)' }, count: 1,
        reason: { de: 'Die Person ist auch Mitglied eines anderen Unternehmens, das über seine Daten selbst entscheidet; hier ist die Mitgliedschaft beendet.', en: 'The person is also a member of another company, which decides on its own data; the membership here has ended.' },
      });
    } else {
      await db.updateTable('users').set({ name: ERASED_PERSON_NAME, email: null, password_hash: null, totp_secret: null, totp_pending_secret: null, totp_enabled_at: null }).where('id', '=', ref).execute();
      await db.deleteFrom('sessions').where('user_id', '=', ref).execute();
      await db.deleteFrom('password_resets').where('user_id', '=', ref).execute();
      await db.deleteFrom('sign_in_challenges').where('user_id', '=', ref).execute();
      await db.deleteFrom('totp_recovery_codes').where('user_id', '=', ref).execute();
      erased.push({ what: { de: 'Benutzerkonto anonymisiert: Name, E-Mail-Adresse, Passwort, zweiter Faktor, Sitzungen', en: 'User account anonymised: name, e-mail address, password, second factor, sessions' }, count: 1 });
    }
    const audit = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', ctx.tenantId).where('actor_id', '=', ref).executeTakeFirstOrThrow();
    if (Number(audit.n) > 0) {
      kept.push({
        what: { de: 'Protokolleinträge der Person', en: 'Audit entries made by the person' }, count: Number(audit.n),
        reason: { de: 'Nachweis, wer was geändert hat (Rechenschaftspflicht, Art. 5 (2) DSGVO); sie zeigen nun „Gelöschte Person“.', en: 'Proof of who changed what (accountability, GDPR Art. 5 (2)); they now show “Erased person”.' },
      });
    }
    return { erased, kept };
  },
};

/**
 * The company's members whose name, e-mail address or personnel number contains the query (case,
 * accents and umlauts folded): for modules that hold data about members by user id.
 */
export async function membersMatching(db: Parameters<DataSubjectProvider['find']>[0], tenantId: string, query: string): Promise<Array<{ userId: string; name: string; email: string | null }>> {
  const found = await memberDataSubjects.find(db, tenantId, query);
  return found.map((m) => ({ userId: m.ref, name: m.name, email: m.email }));
}
