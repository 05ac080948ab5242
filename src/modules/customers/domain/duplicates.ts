import { foldGerman, nameSimilarity, nameTokens } from './company-name.js';
import { normaliseVatId } from './vat-id.js';

/** What duplicate detection looks at of a customer company. */
export interface CompanyForMatching {
  id: string;
  name: string;
  vatId: string | null;
  /** e-mail addresses of the company and its contacts, and its website, to take domains from */
  emails: readonly string[];
  website: string | null;
  address: { street: string; postcode: string; city: string; country: string } | null;
}

export type DuplicateReasonCode =
  | 'vat-id-equal'
  | 'vat-id-different'
  | 'email-domain-equal'
  | 'name-equal'
  | 'name-very-similar'
  | 'name-similar'
  | 'address-equal'
  | 'postcode-equal';

export interface DuplicateReason {
  code: DuplicateReasonCode;
  /** what the reason adds to (or, negative, takes from) the score */
  points: number;
  /** the matching VAT ID or domain, or the name similarity in per cent, for the UI to show */
  detail?: string | number;
}

export type DuplicateLevel = 'likely' | 'possible' | 'unlikely';

export interface DuplicateScore {
  /** 0..100: the sum of the reasons' points, clamped */
  score: number;
  level: DuplicateLevel;
  reasons: DuplicateReason[];
}

export const MAX_SCORE = 100;
/** At or above: warn on create and hold the import row for a decision. */
export const LIKELY_THRESHOLD = 80;
/** At or above: show as a possible duplicate, do not hold anything. */
export const POSSIBLE_THRESHOLD = 50;

export const points = {
  vatIdEqual: 100,
  vatIdDifferent: -60,
  emailDomainEqual: 40,
  nameEqual: 60,
  nameVerySimilar: 45,
  nameSimilar: 25,
  /** support: counted only when VAT ID, domain or name already point to the same firm */
  addressEqual: 25,
  postcodeEqual: 10,
} as const;

export const NAME_VERY_SIMILAR = 0.9;
export const NAME_SIMILAR = 0.8;

/** Mail providers whose domain says nothing about the employer. */
export const freeMailDomains = new Set([
  'gmail.com', 'googlemail.com', 'gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch', 'gmx.com', 'web.de', 't-online.de', 'freenet.de', 'arcor.de',
  'online.de', 'email.de', 'mail.de', 'posteo.de', 'posteo.net', 'mailbox.org', 'vodafone.de', 'kabelmail.de', '1und1.de', 'yahoo.com', 'yahoo.de',
  'ymail.com', 'outlook.com', 'outlook.de', 'hotmail.com', 'hotmail.de', 'live.com', 'live.de', 'msn.com', 'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'aol.de', 'protonmail.com', 'proton.me', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io', 'zoho.com', 'mail.com', 'bluewin.ch', 'gmx.li',
]);

/** Second-level labels under which firms register (example.co.uk → example.co.uk, not co.uk). */
const publicSecondLevels = new Set(['co.uk', 'org.uk', 'ac.uk', 'co.at', 'or.at', 'com.au', 'co.nz', 'com.br', 'co.jp', 'com.pl', 'com.tr']);

/** The registrable domain of an e-mail address or website, folded; null when there is none. */
export function companyDomain(addressOrUrl: string): string | null {
  let host = addressOrUrl.trim().toLowerCase();
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  else host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#:]/)[0]!;
  host = host.replace(/\.$/, '');
  const labels = host.split('.').filter((l) => l !== '');
  if (labels.length < 2 || labels.some((l) => !/^[a-z0-9-]+$/.test(l))) return null;
  const lastTwo = labels.slice(-2).join('.');
  const domain = publicSecondLevels.has(lastTwo) && labels.length >= 3 ? labels.slice(-3).join('.') : lastTwo;
  return freeMailDomains.has(domain) ? null : domain;
}

function domainsOf(c: CompanyForMatching): Set<string> {
  const out = new Set<string>();
  for (const e of [...c.emails, ...(c.website ? [c.website] : [])]) {
    const d = companyDomain(e);
    if (d) out.add(d);
  }
  return out;
}

const streetKey = (s: string) =>
  foldGerman(s)
    .replace(/(str\.|strasse|str\b)/g, 'str')
    .replace(/[^a-z0-9]/g, '');
const postcodeKey = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function duplicateLevel(score: number): DuplicateLevel {
  if (score >= LIKELY_THRESHOLD) return 'likely';
  if (score >= POSSIBLE_THRESHOLD) return 'possible';
  return 'unlikely';
}

const roundPercent = (x: number) => Math.round(x * 100);

/**
 * How likely two customer companies are the same firm, with every reason and what it adds.
 * Symmetric; the score is the clamped sum of the reasons' points, so the reasons explain it.
 */
export function scoreDuplicate(a: CompanyForMatching, b: CompanyForMatching): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  const va = normaliseVatId(a.vatId);
  const vb = normaliseVatId(b.vatId);
  if (va && vb) {
    if (va.normalised === vb.normalised) reasons.push({ code: 'vat-id-equal', points: points.vatIdEqual, detail: va.normalised });
    else if (va.valid && vb.valid) reasons.push({ code: 'vat-id-different', points: points.vatIdDifferent });
  }
  const da = domainsOf(a);
  const shared = [...domainsOf(b)].filter((d) => da.has(d)).sort();
  if (shared.length > 0) reasons.push({ code: 'email-domain-equal', points: points.emailDomainEqual, detail: shared[0]! });

  const ta = nameTokens(a.name);
  const tb = nameTokens(b.name);
  if (ta.length === 0 || tb.length === 0) {
    // a name without letters or digits says nothing
  } else if (ta.join(' ') === tb.join(' ')) reasons.push({ code: 'name-equal', points: points.nameEqual });
  else {
    const similarity = nameSimilarity(ta, tb);
    if (similarity >= NAME_VERY_SIMILAR) reasons.push({ code: 'name-very-similar', points: points.nameVerySimilar, detail: roundPercent(similarity) });
    else if (similarity >= NAME_SIMILAR) reasons.push({ code: 'name-similar', points: points.nameSimilar, detail: roundPercent(similarity) });
  }

  const primary = reasons.some((r) => r.points > 0);
  if (primary && a.address && b.address && foldGerman(a.address.country) === foldGerman(b.address.country)) {
    const samePostcode = postcodeKey(a.address.postcode) !== '' && postcodeKey(a.address.postcode) === postcodeKey(b.address.postcode);
    const sameStreet = streetKey(a.address.street) !== '' && streetKey(a.address.street) === streetKey(b.address.street);
    if (samePostcode && sameStreet) reasons.push({ code: 'address-equal', points: points.addressEqual });
    else if (samePostcode) reasons.push({ code: 'postcode-equal', points: points.postcodeEqual });
  }
  const sum = reasons.reduce((acc, r) => acc + r.points, 0);
  const score = Math.min(MAX_SCORE, Math.max(0, sum));
  return { score, level: duplicateLevel(score), reasons };
}

/**
 * The possible duplicates of `candidate` among `others` (itself excluded by id), best first, at or
 * above `threshold`. The store narrows `others` first (same VAT ID, domain, postcode or a trigram
 * match on the name) so this stays cheap on thousands of customers.
 */
export function findDuplicates(candidate: CompanyForMatching, others: readonly CompanyForMatching[], threshold = POSSIBLE_THRESHOLD): Array<{ id: string } & DuplicateScore> {
  return others
    .filter((o) => o.id !== candidate.id)
    .map((o) => ({ id: o.id, ...scoreDuplicate(candidate, o) }))
    .filter((d) => d.score >= threshold)
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
