import type { CompanyProfile } from '../../../kernel/profile/company-profile.js';
import type { ClassificationName } from '../catalogue/measure-schema.js';

/** How one answer moved a dimension score (the part of the check's contribution the roadmap reads). */
export interface ContributionLike {
  itemId: string;
  /** Score points this answer leaves open compared with the best answer. */
  potential: number;
  /** Score points this answer contributes. */
  scoreShare?: number;
}

/**
 * The parts of a Digital-Check result the roadmap reads. Structurally compatible with the check
 * module's result, so a scored check can be passed as is.
 */
export interface CheckFacts {
  dimensions: ReadonlyArray<{
    id: string;
    score: number | null;
    contributions?: ReadonlyArray<ContributionLike>;
  }>;
  /** Classifications; null or absent when the answers do not determine them. */
  serviceStage?: 1 | 2 | 3 | null;
  digitalBusinessModelProvider?: boolean | null;
  digitalisationDegree?: 'low' | 'medium' | 'high' | null;
  servicesCompetitiveFactor?: boolean | null;
  dependency?: 'low' | 'moderate' | 'elevated' | 'high' | null;
}

/** Everything the suggestion rules may look at. */
export interface SuggestionContext {
  result: CheckFacts;
  /** Raw answers by item id; unanswered items are absent. */
  answers: Readonly<Record<string, unknown>>;
  profile?: CompanyProfile;
}

const SERVICES = ['planning', 'training', 'maintenance', 'installation', 'remoteSupport', 'takeBack', 'retrofit', 'software'];
const SERVICE_MODELS = ['rental', 'fullService', 'operator', 'availabilityGuarantee', 'performancePricing'];
const SERVICE_TECH = ['internet', 'mobileDevices', 'teleservice', 'vrAr'];
const DGM_TECH = [
  'internet', 'mobileDevices', 'webPlatforms', 'conditionMonitoring', 'connectedMachines', 'm2m', 'cloud', 'apps',
  'analytics', 'vrAr',
];

/** The study items each classification is computed from (definitions in PRODUCT.md, seed 004). */
export const CLASSIFICATION_ITEMS: Record<ClassificationName, readonly string[]> = {
  serviceStage: [
    ...SERVICES.map((s) => `isi.service.${s}`),
    ...SERVICE_MODELS.map((s) => `isi.serviceModel.${s}`),
    ...SERVICE_TECH.map((s) => `isi.serviceTech.${s}`),
  ],
  digitalBusinessModelProvider: [
    ...SERVICE_MODELS.map((s) => `isi.serviceModel.${s}`),
    ...SERVICE_TECH.map((s) => `isi.serviceTech.${s}`),
  ],
  digitalisationDegree: DGM_TECH.map((t) => `dgm.tech.${t}`),
  servicesCompetitiveFactor: ['isi.competition.primary', 'isi.competition.secondary'],
  dependency: ['dgm.mainModel.revenueShare', 'dgm.mainModel.status', 'dgm.threat'],
};
