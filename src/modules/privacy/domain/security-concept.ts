import { requirementsById } from './security-catalogue.js';
import type { SecurityAnswer, SecurityGap } from './security-score.js';

/**
 * The written security concept: sections generated from the self-check's answers and from what
 * Werkverbund knows of the firm (members, roles, switched-on modules); the firm may rewrite any
 * section. Every employee must know it, so it speaks plainly.
 */
export const CONCEPT_SECTIONS = ['purpose', 'responsibility', 'sensitiveData', 'access', 'passwords', 'email', 'backup', 'incident', 'systems', 'openPoints'] as const;
export type ConceptSectionKey = (typeof CONCEPT_SECTIONS)[number];
export type Lang = 'de' | 'en';
export type Bilingual = { de: string; en: string };

export interface ConceptInput {
  company: string;
  answers: Readonly<Record<string, { answer: SecurityAnswer; note: string | null } | undefined>>;
  /** Members of the company with their role's name in both languages. */
  members: ReadonlyArray<{ name: string; role: Bilingual }>;
  /** Per role with members: what it may do in the switched-on modules (the permissions' descriptions). */
  roles: ReadonlyArray<{ role: Bilingual; members: number; may: Bilingual[] }>;
  /** Personal data the switched-on modules hold. */
  personalData: ReadonlyArray<{ module: Bilingual; category: Bilingual }>;
  gaps: readonly SecurityGap[];
}

const bullet = (s: string) => `• ${s}`;
const lines = (...parts: Array<string | false | null | undefined | string[]>) => parts.flat().filter((p): p is string => typeof p === 'string').join('\n');

/** What the answer says about a requirement, as a sentence for the concept. */
function state(input: ConceptInput, id: string, lang: Lang): string {
  const a = input.answers[id];
  const q = requirementsById.get(id)!;
  const note = a?.note ? ` ${lang === 'de' ? 'Bei uns:' : 'Here:'} ${a.note}` : '';
  const label = {
    met: { de: 'Umgesetzt', en: 'In place' },
    partly: { de: 'Teilweise umgesetzt', en: 'Partly in place' },
    not_met: { de: 'Noch nicht umgesetzt', en: 'Not in place yet' },
    not_applicable: { de: 'Trifft nicht zu', en: 'Does not apply' },
  } as const;
  const status = a ? label[a.answer][lang] : lang === 'de' ? 'Noch nicht beantwortet' : 'Not answered yet';
  return bullet(`${q.question[lang]} — ${status}.${note}`);
}

const note = (input: ConceptInput, id: string) => input.answers[id]?.note ?? null;
const todo = (lang: Lang, what: Bilingual) => `[${lang === 'de' ? 'Noch festzulegen' : 'To be decided'}: ${what[lang]}]`;

const SECTION_TEXT: Record<ConceptSectionKey, (input: ConceptInput, lang: Lang) => string> = {
  purpose: (i, lang) => lang === 'de'
    ? lines(`Dieses Sicherheitskonzept beschreibt, wie die ${i.company} ihre Daten und ihre IT schützt. Es gilt für alle Beschäftigten. Jede und jeder bestätigt, es gelesen zu haben; es wird mindestens einmal im Jahr überprüft.`,
      'Die meisten IT-Probleme in kleinen Firmen entstehen aus Unwissen, Versehen oder Unachtsamkeit. Dieses Konzept sagt darum in einfachen Worten, was jede und jeder wissen und tun muss.',
      'Es wurde aus einer Selbsteinschätzung nach dem Aufbau der DIN SPEC 27076 erstellt. Es ist keine Zertifizierung und keine Rechtsberatung.')
    : lines(`This security concept describes how ${i.company} protects its data and its IT. It applies to all employees. Everyone confirms having read it; it is reviewed at least once a year.`,
      'Most IT problems in small firms come from lack of knowledge, mistakes or carelessness. This concept therefore says plainly what everyone must know and do.',
      'It was drawn up from a self-assessment following the structure of DIN SPEC 27076. It is not a certification and not legal advice.'),
  responsibility: (i, lang) => lines(
    lang === 'de' ? 'Zuständig für die IT-Sicherheit:' : 'Responsible for IT security:',
    note(i, 'org.responsible') ?? todo(lang, { de: 'Name der zuständigen Person, Vertretung, Telefonnummer', en: 'name of the person responsible, deputy, phone number' }),
    state(i, 'org.responsible', lang), state(i, 'org.providers', lang), state(i, 'org.inventory', lang)),
  sensitiveData: (i, lang) => lines(
    lang === 'de' ? 'Diese Daten sind besonders schutzbedürftig und dürfen die Firma nur auf den vereinbarten Wegen verlassen:' : 'This data needs particular protection and may leave the firm only by the agreed routes:',
    i.personalData.map((p) => bullet(`${p.category[lang]} (${p.module[lang]})`)),
    bullet(lang === 'de' ? 'Zeichnungen, Preise, Kalkulationen und Kundenaufträge (Geschäftsgeheimnisse)' : 'Drawings, prices, calculations and customer orders (trade secrets)'),
    lang === 'de' ? 'Personenbezogene Daten verarbeiten wir nach dem Verzeichnis der Verarbeitungstätigkeiten.' : 'We process personal data as the record of processing activities describes.'),
  access: (i, lang) => lines(
    lang === 'de' ? `Wer in Werkverbund worauf zugreifen darf (${i.members.length} Personen):` : `Who may access what in Werkverbund (${i.members.length} people):`,
    i.roles.map((r) => lines(
      `${r.role[lang]} (${r.members}):`,
      r.may.length > 0 ? r.may.map((m) => `  – ${m[lang]}`) : `  – ${lang === 'de' ? 'keine Rechte in den eingeschalteten Modulen' : 'no rights in the switched-on modules'}`)),
    lang === 'de' ? 'Personen und Rollen:' : 'People and roles:',
    i.members.map((m) => bullet(`${m.name} — ${m.role[lang]}`)),
    state(i, 'access.personal', lang), state(i, 'access.rights', lang), state(i, 'access.admin', lang)),
  passwords: (i, lang) => lines(
    lang === 'de'
      ? 'Regeln: Jede Person nutzt ihr eigenes Konto und gibt ihr Passwort niemandem weiter. Passwörter sind lang (mindestens 12 Zeichen, besser ein Satz) und für jeden Dienst anders; wir nutzen einen Passwortmanager. Wo möglich melden wir uns mit einem zweiten Faktor an. Ein Passwort, das jemand anderes kennen könnte, wird sofort geändert. Den Bildschirm sperren wir, wenn wir den Platz verlassen.'
      : 'Rules: everyone uses their own account and gives their password to nobody. Passwords are long (at least 12 characters, better a sentence) and different for each service; we use a password manager. Where possible we sign in with a second factor. A password someone else might know is changed at once. We lock the screen when leaving the desk.',
    state(i, 'access.passwords', lang), state(i, 'access.mfa', lang), state(i, 'org.mobile', lang)),
  email: (i, lang) => lines(
    lang === 'de'
      ? 'Verdächtige E-Mails: unerwartete Anhänge, Links zu Anmeldeseiten, Zeitdruck, geänderte Bankverbindungen oder ungewohnte Absender. Nicht öffnen, nicht klicken, nicht antworten, sondern der zuständigen Person melden. Zahlungs- und Kontoänderungen bestätigen wir immer über eine bekannte Telefonnummer. Fremde USB-Sticks schließen wir nicht an.'
      : 'Suspicious e-mails: unexpected attachments, links to sign-in pages, time pressure, changed bank details or unusual senders. Do not open, do not click, do not reply — report it to the person responsible. We always confirm changes of payments and accounts through a known phone number. We do not plug in unknown USB sticks.',
    state(i, 'malware.email', lang), state(i, 'malware.media', lang), state(i, 'org.training', lang)),
  backup: (i, lang) => lines(
    lang === 'de' ? 'So sichern wir unsere Daten:' : 'How we back up our data:',
    note(i, 'backup.plan') ?? note(i, 'backup.regular') ?? todo(lang, { de: 'was wie oft gesichert wird, wo die Sicherungen liegen, wie lange sie aufbewahrt werden, wer sich kümmert', en: 'what is backed up how often, where the backups are kept, for how long, who looks after them' }),
    state(i, 'backup.regular', lang), state(i, 'backup.offline', lang), state(i, 'backup.restore', lang), state(i, 'backup.plan', lang)),
  incident: (i, lang) => lines(
    lang === 'de' ? 'Nach einem Angriff oder bei Verdacht auf ein Schadprogramm:' : 'After an attack or when malware is suspected:',
    (lang === 'de'
      ? ['Ruhe bewahren, das Gerät vom Netz trennen (Netzwerkkabel ziehen, WLAN aus), aber nicht ausschalten.', 'Sofort die zuständige Person anrufen; nichts löschen und nichts selbst reparieren.', 'Aufschreiben, was man gesehen und getan hat, mit Uhrzeit.', 'Die zuständige Person entscheidet, welche Geräte vom Netz gehen, holt den IT-Dienstleister dazu und stellt aus der Sicherung wieder her.', 'Sind personenbezogene Daten betroffen, wird der Vorfall im Datenschutz-Modul erfasst: Die Meldung an die Aufsichtsbehörde ist binnen 72 Stunden fällig.', 'Bei Erpressung kein Lösegeld zahlen, ohne mit Polizei (Zentrale Ansprechstelle Cybercrime) und Versicherung gesprochen zu haben.']
      : ['Stay calm, disconnect the device from the network (pull the cable, switch Wi-Fi off), but do not switch it off.', 'Call the person responsible at once; delete nothing and repair nothing yourself.', 'Write down what you saw and did, with the time.', 'The person responsible decides which devices go offline, calls in the IT provider and restores from the backup.', 'If personal data is concerned, the breach is recorded in the privacy module: notice to the supervisory authority is due within 72 hours.', 'In case of extortion pay no ransom without having spoken to the police (cybercrime contact point) and the insurer.']).map((s, n) => `${n + 1}. ${s}`),
    lang === 'de' ? 'Notfallkontakte:' : 'Emergency contacts:',
    note(i, 'org.emergency') ?? todo(lang, { de: 'zuständige Person, IT-Dienstleister, Versicherung, mit Telefonnummern', en: 'person responsible, IT provider, insurer, with phone numbers' }),
    state(i, 'org.emergency', lang)),
  systems: (i, lang) => lines(
    lang === 'de' ? 'Geräte, Updates und Netz:' : 'Devices, updates and network:',
    ['patches.updates', 'patches.supported', 'patches.software', 'malware.protection', 'network.firewall', 'network.wifi', 'network.remote', 'network.machines', 'network.devices'].map((id) => state(i, id, lang))),
  openPoints: (i, lang) => i.gaps.length === 0
    ? (lang === 'de' ? 'Die Selbsteinschätzung zeigt keine offenen Lücken.' : 'The self-assessment shows no open gaps.')
    : lines(lang === 'de' ? 'Was wir noch verbessern (aus der Selbsteinschätzung; im Fahrplan als Maßnahmen vorgeschlagen):' : 'What we still improve (from the self-assessment; suggested as measures in the roadmap):',
      i.gaps.map((g) => bullet(`${requirementsById.get(g.id)!.measure.title[lang]}${g.top ? (lang === 'de' ? ' (TOP-Anforderung)' : ' (TOP requirement)') : ''}`))),
};

export function generateConcept(input: ConceptInput): Array<{ key: ConceptSectionKey; text: Bilingual }> {
  return CONCEPT_SECTIONS.map((key) => ({ key, text: { de: SECTION_TEXT[key](input, 'de'), en: SECTION_TEXT[key](input, 'en') } }));
}

export interface StoredSection {
  key: ConceptSectionKey;
  generated: Bilingual;
  /** The firm's own text for the section, or null to use the generated one. */
  edited: string | null;
  /** The generated text as it was when the firm last wrote or confirmed its own. */
  editedFrom: Bilingual | null;
}

const sameText = (a: Bilingual | null, b: Bilingual) => a !== null && a.de === b.de && a.en === b.en;

/** A section the firm rewrote whose generated text has changed since: the firm must look at it again. */
export const isOutdated = (s: StoredSection) => s.edited !== null && !sameText(s.editedFrom, s.generated);

/**
 * Regenerates the sections, keeping every edit of the firm. Returns which generated texts changed:
 * `updated` (no edit, the new text is used) and `outdated` (edited, so the firm's text stays and is
 * flagged until it is confirmed or replaced).
 */
export function regenerate(previous: readonly StoredSection[], fresh: ReadonlyArray<{ key: ConceptSectionKey; text: Bilingual }>) {
  const before = new Map(previous.map((s) => [s.key, s]));
  const updated: ConceptSectionKey[] = [];
  const outdated: ConceptSectionKey[] = [];
  const sections = fresh.map(({ key, text }): StoredSection => {
    const old = before.get(key);
    const section = { key, generated: text, edited: old?.edited ?? null, editedFrom: old?.editedFrom ?? null };
    if (old && !sameText(old.generated, text)) (section.edited !== null ? outdated : updated).push(key);
    else if (isOutdated(section)) outdated.push(key);
    return section;
  });
  return { sections, updated, outdated };
}

/** Sets the firm's text of a section (null: back to the generated one); the edit is based on the generated text as it stands. */
export function editSection(sections: readonly StoredSection[], key: ConceptSectionKey, text: string | null): StoredSection[] {
  return sections.map((s) => (s.key === key ? { ...s, edited: text, editedFrom: text === null ? null : s.generated } : s));
}

/** The text of a section as it is read: the firm's own, or the generated one in the language. */
export const sectionText = (s: StoredSection, lang: Lang) => s.edited ?? s.generated[lang];

/** The review date: one year after adoption (29 February becomes 28 February). */
export function reviewDate(adoptedOn: string): string {
  const [y, m, d] = adoptedOn.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
