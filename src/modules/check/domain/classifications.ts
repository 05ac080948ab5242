/**
 * The study's classifications (seed 004, definitions as in PRODUCT.md).
 *
 * Missing inputs: an item counts as "yes" when answered yes, as "no" when answered no or
 * "not applicable" (hidden items are treated as "not applicable"), and as open when unanswered
 * or "don't know". A classification is given only when every way of filling the open items
 * leads to the same result; otherwise it is null. With all relevant items answered it is
 * therefore never null.
 */

export type ServiceStage = 1 | 2 | 3;
export type DigitalisationDegree = 'low' | 'medium' | 'high';
export type Dependency = 'low' | 'moderate' | 'elevated' | 'high';
export type RevenueShareBand = '75-100' | '50-75' | '25-50' | '0-25';
export const REVENUE_SHARE_BANDS: readonly RevenueShareBand[] = ['75-100', '50-75', '25-50', '0-25'];

/** Three-valued fact: null = not known. */
export type Maybe = boolean | null;

export const SERVICE_ITEMS = ['planning', 'training', 'maintenance', 'installation', 'remoteSupport', 'takeBack', 'retrofit', 'software'].map((k) => `isi.service.${k}`);
export const SERVICE_MODEL_ITEMS = ['rental', 'fullService', 'operator', 'availabilityGuarantee', 'performancePricing'].map((k) => `isi.serviceModel.${k}`);
export const SERVICE_TECH_ITEMS = ['internet', 'mobileDevices', 'teleservice', 'vrAr'].map((k) => `isi.serviceTech.${k}`);
export const BASIC_TECH_ITEMS = ['internet', 'mobileDevices', 'webPlatforms'].map((k) => `dgm.tech.${k}`);
export const FURTHER_TECH_ITEMS = ['conditionMonitoring', 'connectedMachines', 'm2m', 'cloud', 'apps', 'analytics', 'vrAr'].map((k) => `dgm.tech.${k}`);

/** Stage 1: no service-based model and no digital service technology; 2: exactly one; 3: both. */
export function serviceStageOf(usesDigitalServiceTechnology: boolean, offersServiceBasedModel: boolean): ServiceStage {
  if (usesDigitalServiceTechnology && offersServiceBasedModel) return 3;
  return usesDigitalServiceTechnology || offersServiceBasedModel ? 2 : 1;
}

/** B = basic technologies used (0–3), F = other technologies used (0–7). */
export function digitalisationDegreeOf(basic: number, further: number): DigitalisationDegree {
  if (basic + further <= 1 || further === 0) return 'low';
  if (basic >= 2 && further >= 2) return 'high';
  return 'medium';
}

export function dependencyOf(share: RevenueShareBand, threatened: boolean): Dependency {
  if (share === '75-100') return threatened ? 'high' : 'elevated';
  return share === '50-75' ? 'moderate' : 'low';
}

/** The single value all possibilities agree on, or null. */
function agreed<T>(possible: T[]): T | null {
  const distinct = [...new Set(possible)];
  return distinct.length === 1 ? distinct[0]! : null;
}

const BOTH = [true, false];
const options = (fact: Maybe): boolean[] => (fact === null ? BOTH : [fact]);

/** Answer of a yes/no item as a fact: true, false ("no" or "na"), or null (open). */
export type Lookup = (itemId: string) => unknown;

function fact(lookup: Lookup, itemId: string): Maybe {
  const v = lookup(itemId);
  if (v === true) return true;
  if (v === false || v === 'na') return false;
  return null;
}

function anyOf(lookup: Lookup, itemIds: string[]): Maybe {
  const facts = itemIds.map((id) => fact(lookup, id));
  if (facts.includes(true)) return true;
  return facts.every((f) => f === false) ? false : null;
}

function countRange(lookup: Lookup, itemIds: string[]): { min: number; max: number } {
  const facts = itemIds.map((id) => fact(lookup, id));
  const yes = facts.filter((f) => f === true).length;
  return { min: yes, max: yes + facts.filter((f) => f === null).length };
}

const range = ({ min, max }: { min: number; max: number }) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

export interface Classifications {
  serviceStage: ServiceStage | null;
  digitalBusinessModelProvider: boolean | null;
  digitalisationDegree: DigitalisationDegree | null;
  servicesCompetitiveFactor: boolean | null;
  dependency: Dependency | null;
  details: {
    offersProductRelatedService: Maybe;
    usesDigitalServiceTechnology: Maybe;
    offersServiceBasedModel: Maybe;
    /** Number of basic technologies used: min and max over the open items (equal when all answered). */
    basicTechnologies: { min: number; max: number };
    furtherTechnologies: { min: number; max: number };
    mainModelThreatened: Maybe;
  };
}

function servicesFactor(lookup: Lookup, itemId: string): Maybe {
  const v = lookup(itemId);
  if (v === 'services') return true;
  return typeof v === 'string' && v !== 'unknown' ? false : null;
}

function threatened(lookup: Lookup): Maybe {
  const status = lookup('dgm.mainModel.status');
  const byStatus: Maybe = status === 'threatened' ? true : status === 'proven' || status === 'novel' || status === 'na' ? false : null;
  const threat = lookup('dgm.threat');
  // dgm.threat "unknown" is the option "cannot assess": no threat named, so not threatened.
  const byThreat: Maybe = threat === 'current' || threat === 'future' ? true : threat === 'no' || threat === 'unknown' || threat === 'na' ? false : null;
  if (byStatus === true || byThreat === true) return true;
  return byStatus === false && byThreat === false ? false : null;
}

/** Classifies from answers (item id → value); pass hidden items as "na". */
export function classify(answers: Readonly<Record<string, unknown>>): Classifications {
  const lookup: Lookup = (id) => answers[id];
  const tech = anyOf(lookup, SERVICE_TECH_ITEMS);
  const model = anyOf(lookup, SERVICE_MODEL_ITEMS);
  const basic = countRange(lookup, BASIC_TECH_ITEMS);
  const further = countRange(lookup, FURTHER_TECH_ITEMS);
  const primary = servicesFactor(lookup, 'isi.competition.primary');
  const secondary = servicesFactor(lookup, 'isi.competition.secondary');
  const shareAnswer = lookup('dgm.mainModel.revenueShare');
  const shares = REVENUE_SHARE_BANDS.includes(shareAnswer as RevenueShareBand) ? [shareAnswer as RevenueShareBand] : [...REVENUE_SHARE_BANDS];
  const threat = threatened(lookup);

  return {
    serviceStage: agreed(options(tech).flatMap((t) => options(model).map((m) => serviceStageOf(t, m)))),
    digitalBusinessModelProvider: agreed(options(tech).flatMap((t) => options(model).map((m) => t && m))),
    digitalisationDegree: agreed(range(basic).flatMap((b) => range(further).map((f) => digitalisationDegreeOf(b, f)))),
    servicesCompetitiveFactor: agreed(options(primary).flatMap((p) => options(secondary).map((s) => p || s))),
    dependency: agreed(shares.flatMap((s) => options(threat).map((t) => dependencyOf(s, t)))),
    details: {
      offersProductRelatedService: anyOf(lookup, SERVICE_ITEMS),
      usesDigitalServiceTechnology: tech,
      offersServiceBasedModel: model,
      basicTechnologies: basic,
      furtherTechnologies: further,
      mainModelThreatened: threat,
    },
  };
}
