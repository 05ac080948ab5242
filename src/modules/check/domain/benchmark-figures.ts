import type { ProductComplexity, SeriesType, SizeClass, StudyRegion } from '../../../kernel/profile/company-profile.js';
import type { Localized } from './questionnaire-schema.js';
import type { StudyIndustry } from './study-industry.js';

export const SOURCE_PRODUCTION_2015 = 'Fraunhofer ISI, Erhebung Modernisierung der Produktion 2015';
export const SOURCE_DIGITAL_BUSINESS_MODELS_2016 = 'Fraunhofer ISI, Befragung digitale Geschäftsmodelle 2016';

export type BenchmarkScope = 'germany' | 'stuttgartRegion';

export interface BenchmarkBreakdown {
  region?: Partial<Record<StudyRegion, number>>;
  sizeClass?: Partial<Record<SizeClass, number>>;
  industry?: Partial<Record<StudyIndustry, number>>;
  series?: Partial<Record<SeriesType, number>>;
  complexity?: Partial<Record<ProductComplexity, number>>;
}

/** One published figure, in per cent. */
export interface BenchmarkFigure {
  id: string;
  /** Set when the figure is one category of a distribution (e.g. one market position). */
  group?: string;
  category?: string;
  label: Localized;
  /** share: per cent of firms; average: mean per cent of revenue. */
  kind: 'share' | 'average';
  scope: BenchmarkScope;
  population: Localized;
  value: number;
  /** The study gives the figure as "about". */
  approximate?: boolean;
  breakdown?: BenchmarkBreakdown;
  note?: Localized;
  source: string;
  year: number;
}

const POP_A: Localized = {
  de: 'Produzierende Betriebe mit weniger als 500 Beschäftigten, Deutschland',
  en: 'Producing firms with fewer than 500 employees, Germany',
};
const POP_B: Localized = {
  de: 'Unternehmen der Industrie und industrienaher Dienstleistungen mit weniger als 1.000 Beschäftigten, Region Stuttgart (n = 203)',
  en: 'Firms in industry and industry-related services with fewer than 1,000 employees, Stuttgart region (n = 203)',
};

type Spec = Omit<BenchmarkFigure, 'scope' | 'population' | 'source' | 'year' | 'kind'> & { kind?: BenchmarkFigure['kind'] };

const surveyA = (spec: Spec): BenchmarkFigure => ({
  kind: 'share', scope: 'germany', population: POP_A, source: SOURCE_PRODUCTION_2015, year: 2015, ...spec,
});
const surveyB = (spec: Spec): BenchmarkFigure => ({
  kind: 'share', scope: 'stuttgartRegion', population: POP_B, source: SOURCE_DIGITAL_BUSINESS_MODELS_2016, year: 2016, ...spec,
});

/** A distribution: one figure per category, ids `${group}.${category}`. */
function distribution(make: (s: Spec) => BenchmarkFigure, group: string, categories: Array<[string, string, string, number, BenchmarkBreakdown?]>, approximate = false): BenchmarkFigure[] {
  return categories.map(([category, de, en, value, breakdown]) =>
    make({ id: `${group}.${category}`, group, category, label: { de, en }, value, ...(approximate ? { approximate } : {}), ...(breakdown ? { breakdown } : {}) }),
  );
}

const L = (de: string, en: string): Localized => ({ de, en });

/** Every figure of PRODUCT.md "Reference facts from the study" (seed 004). */
export const BENCHMARK_FIGURES: readonly BenchmarkFigure[] = [
  // A. Erhebung Modernisierung der Produktion 2015
  surveyA({
    id: 'servicesCompetitiveFactor', label: L('Dienstleistungen als wichtigster oder zweitwichtigster Wettbewerbsfaktor', 'Services as primary or secondary competitive factor'),
    value: 14, breakdown: { region: { stuttgart: 11, nord: 19, rheinRuhr: 20, muenchen: 23 } },
  }),
  surveyA({
    id: 'servicesTopInnovation', label: L('Neue Dienstleistungen als wichtigstes Innovationsfeld', 'New services as most important innovation field'),
    value: 9, breakdown: { region: { stuttgart: 4, muenchen: 16 } },
  }),
  surveyA({
    id: 'productRelatedService', label: L('Mindestens eine produktbegleitende Dienstleistung', 'At least one product-related service'),
    value: 77, breakdown: { region: { stuttgart: 86, muenchen: 83, rheinRuhr: 76, nord: 75 } },
  }),
  surveyA({ id: 'service.planning', label: L('Planung, Beratung, Projektierung', 'Planning, consulting, project engineering'), value: 58, note: L('obligatorische Dienstleistung', 'obligatory service') }),
  surveyA({ id: 'service.training', label: L('Schulung', 'Training'), value: 46, note: L('obligatorische Dienstleistung', 'obligatory service') }),
  surveyA({ id: 'service.maintenance', label: L('Wartung und Reparatur', 'Maintenance and repair'), value: 44, note: L('obligatorische Dienstleistung', 'obligatory service') }),
  surveyA({ id: 'service.installation', label: L('Installation und Inbetriebnahme', 'Installation and commissioning'), value: 42, note: L('obligatorische Dienstleistung', 'obligatory service') }),
  surveyA({ id: 'service.remoteSupport', label: L('Fernunterstützung', 'Remote support'), value: 29, note: L('fortgeschrittene Dienstleistung', 'advanced service') }),
  surveyA({ id: 'service.takeBack', label: L('Rücknahme, Recycling', 'Take-back, recycling'), value: 28, note: L('fortgeschrittene Dienstleistung', 'advanced service') }),
  surveyA({ id: 'service.retrofit', label: L('Modernisierung, Retrofit', 'Retrofit, modernisation'), value: 25, note: L('fortgeschrittene Dienstleistung', 'advanced service') }),
  surveyA({ id: 'service.software', label: L('Softwareentwicklung', 'Software development'), value: 20, note: L('fortgeschrittene Dienstleistung', 'advanced service') }),
  surveyA({
    id: 'serviceBasedModel', label: L('Mindestens ein dienstleistungsbasiertes Geschäftsmodell', 'At least one service-based business model'),
    value: 41, breakdown: { region: { muenchen: 51, stuttgart: 46 }, industry: { machinery: 72, electronics: 53, electricalEquipment: 42, metal: 37 } },
  }),
  surveyA({ id: 'serviceTech.internet', label: L('Internet-Unterstützung in Dienstleistungen', 'Internet support in services'), value: 38, breakdown: { region: { stuttgart: 45 } } }),
  surveyA({ id: 'serviceTech.mobileDevices', label: L('Mobile Geräte für Servicetechniker', 'Mobile devices for service technicians'), value: 39, breakdown: { region: { stuttgart: 42 } } }),
  surveyA({ id: 'serviceTech.teleservice', label: L('Sensorik, Teleservice', 'Sensors, teleservice'), value: 17, breakdown: { region: { stuttgart: 19 } } }),
  surveyA({ id: 'serviceTech.vrAr', label: L('Virtuelle oder erweiterte Realität in Dienstleistungen', 'Virtual or augmented reality in services'), value: 9, breakdown: { region: { stuttgart: 12 } } }),
  surveyA({
    id: 'digitalBusinessModelProvider', label: L('Anbieter digitaler Geschäftsmodelle', 'Digital business-model provider'),
    value: 31,
    breakdown: {
      region: { stuttgart: 38, nord: 33, muenchen: 31, rheinRuhr: 21 },
      series: { single: 46, medium: 28, large: 16 },
      complexity: { complex: 52, medium: 25, simple: 15 },
      sizeClass: { '250to499': 40, '100to249': 33, lt100: 29 },
      industry: { machinery: 62, electronics: 42, chemicals: 32, electricalEquipment: 31, metal: 24, rubberPlastics: 23, woodPaper: 21, vehicles: 17, textiles: 13, food: 12 },
    },
  }),
  ...distribution(surveyA, 'serviceStage', [
    ['1', 'Stufe 1: fokussierter Produkthersteller', 'Stage 1: focused product manufacturer', 40, { region: { stuttgart: 35 } }],
    ['2', 'Stufe 2: fortgeschrittener Produkt-Dienstleistungs-Anbieter', 'Stage 2: advanced product-service provider', 29, { region: { stuttgart: 28 } }],
    ['3', 'Stufe 3: Anbieter digitaler Geschäftsmodelle', 'Stage 3: digital business-model provider', 31, { region: { stuttgart: 38 } }],
  ]),
  surveyA({
    id: 'serviceRevenueShare', kind: 'average', label: L('Dienstleistungsanteil am Umsatz (Mittelwert)', 'Service share of revenue (average)'),
    value: 11, breakdown: { region: { stuttgart: 10 } },
  }),
  surveyA({
    id: 'serviceInnovators', label: L('Anteil der Dienstleistungsinnovatoren', 'Share of service innovators'),
    value: 15, breakdown: { region: { stuttgart: 20 } }, note: L('übrige Vergleichsregionen 11–16 %', 'other comparison regions 11–16 %'),
  }),

  // B. Befragung digitale Geschäftsmodelle 2016
  ...distribution(surveyB, 'marketPosition', [
    ['techLeader', 'Technologieführer', 'Technology leader', 8],
    ['nicheLeader', 'Nischenführer', 'Niche leader', 19],
    ['costLeader', 'Kostenführer', 'Cost leader', 1],
    ['fewCompetitors', 'Wenige Wettbewerber', 'Few competitors', 23],
    ['manyCompetitors', 'Viele Wettbewerber', 'Many competitors', 50],
  ]),
  ...distribution(surveyB, 'challenge.digitalisation', [
    ['mostImportant', 'Digitalisierung als wichtigste Marktherausforderung', 'Digitalisation as most important market challenge', 20],
    ['important', 'Digitalisierung als wichtige Marktherausforderung', 'Digitalisation as important market challenge', 20],
  ]),
  ...distribution(surveyB, 'challenge.newProductsServices', [
    ['mostImportant', 'Neue Produkte und Dienstleistungen als wichtigste Marktherausforderung', 'New products and services as most important market challenge', 41],
    ['important', 'Neue Produkte und Dienstleistungen als wichtige Marktherausforderung', 'New products and services as important market challenge', 20],
  ]),
  ...distribution(surveyB, 'mainModel', [
    ['proven.traditional', 'Bewährt in traditionellen Märkten', 'Proven in traditional markets', 57],
    ['threatened.traditional', 'Bedroht in traditionellen Märkten', 'Threatened in traditional markets', 16],
    ['novel.traditional', 'Neuartig in traditionellen Märkten', 'Novel in traditional markets', 12],
    ['proven.new', 'Bewährt in neuen Märkten', 'Proven in new markets', 10],
    ['threatened.new', 'Bedroht in neuen Märkten', 'Threatened in new markets', 2],
    ['novel.new', 'Neuartig in neuen Märkten', 'Novel in new markets', 1],
  ]),
  ...distribution(surveyB, 'mainModelType', [
    ['productSales', 'Eigener Produktverkauf', 'Own product sales', 59],
    ['productWithAfterSales', 'Produktverkauf mit After-Sales', 'Product sales with after-sales', 27],
    ['serviceBased', 'Dienstleistungsbasiert', 'Service-based', 9],
  ]).map((f) => ({ ...f, note: L('Industrieunternehmen', 'industry firms') })),
  surveyB({ id: 'complementaryModel', label: L('Mindestens ein komplementäres Geschäftsmodell', 'At least one complementary business model'), value: 94 }),
  ...distribution(surveyB, 'mainModelRevenueShare', [
    ['75-100', 'Hauptgeschäftsmodell bringt 75–100 % des Umsatzes', 'Main business model brings 75–100 % of revenue', 64],
    ['50-75', 'Hauptgeschäftsmodell bringt 50–75 % des Umsatzes', 'Main business model brings 50–75 % of revenue', 29],
    ['below50', 'Hauptgeschäftsmodell bringt unter 50 % des Umsatzes', 'Main business model brings below 50 % of revenue', 6],
  ]),
  ...distribution(surveyB, 'complementaryGrowth', [
    ['strong', 'Starkes Wachstum erwartet', 'Strong growth expected', 19],
    ['slightToMedium', 'Leichtes bis mittleres Wachstum', 'Slight to medium growth', 56],
    ['stagnating', 'Stagnation', 'Stagnating', 18],
    ['declining', 'Rückgang', 'Declining', 7],
  ]),
  ...distribution(surveyB, 'lastComplementaryModel', [
    ['lt3years', 'Vor weniger als 3 Jahren', 'Less than 3 years ago', 34],
    ['3to10years', 'Vor 3–10 Jahren', '3–10 years ago', 28],
    ['gt10years', 'Vor mehr als 10 Jahren', 'More than 10 years ago', 13],
    ['never', 'Nie', 'Never', 25],
  ]),
  ...distribution(surveyB, 'complementaryModelReason', [
    ['ownInitiative', 'Eigeninitiative (Vorreiter)', 'Own initiative (first mover)', 34],
    ['reactionToInnovators', 'Reaktion auf Innovatoren', 'Reaction to innovators', 28],
    ['mainCustomerWish', 'Wunsch des Hauptkunden', "Main customer's wish", 20],
    ['competitivePressure', 'Wettbewerbsdruck', 'Competitive pressure', 18],
  ]),
  ...distribution(surveyB, 'digitalisationEffect', [
    ['veryPositive', 'Sehr positive Wirkung auf die Wettbewerbsfähigkeit (5 Jahre)', 'Very positive effect on competitiveness (5 years)', 8],
    ['positive', 'Positive Wirkung', 'Positive effect', 47],
    ['neutral', 'Neutral', 'Neutral', 38],
    ['negative', 'Negative Wirkung', 'Negative effect', 6],
  ]),
  ...distribution(surveyB, 'threat', [
    ['no', 'Hauptgeschäftsmodell nicht bedroht', 'Main business model not threatened', 58],
    ['future', 'Möglicherweise künftig bedroht', 'Possibly threatened in future', 21],
    ['current', 'Derzeit bedroht', 'Currently threatened', 7],
    ['unknown', 'Kann nicht eingeschätzt werden', 'Cannot assess', 14],
  ]),
  surveyB({ id: 'tech.internet', label: L('Internet', 'Internet'), value: 86, note: L('Basistechnologie', 'basic technology') }),
  surveyB({ id: 'tech.mobileDevices', label: L('Mobile Endgeräte für Mitarbeitende', 'Mobile devices for staff'), value: 64, note: L('Basistechnologie', 'basic technology') }),
  surveyB({ id: 'tech.webPlatforms', label: L('Web-Plattformen für Kunden', 'Web platforms for customers'), value: 48, note: L('Basistechnologie', 'basic technology') }),
  ...distribution(surveyB, 'technologyCount', [
    ['0to2', '0–2 digitale Technologien', '0–2 digital technologies', 35],
    ['3to5', '3–5 digitale Technologien', '3–5 digital technologies', 48],
    ['6plus', '6 und mehr digitale Technologien', '6 or more digital technologies', 17],
  ]),
  ...distribution(surveyB, 'digitalisationDegree', [
    ['low', 'Niedriger Digitalisierungsgrad', 'Low digitalisation degree', 32],
    ['medium', 'Mittlerer Digitalisierungsgrad', 'Medium digitalisation degree', 42],
    ['high', 'Hoher Digitalisierungsgrad', 'High digitalisation degree', 25],
  ], true),
  ...distribution(surveyB, 'digitalModelStatus', [
    ['observing', 'Beobachten', 'Observing', 20],
    ['internalOnly', 'Nur intern befasst', 'Internal only', 21],
    ['valueChainExchange', 'Austausch mit Partnern der Wertschöpfungskette', 'Exchange with value-chain partners', 37],
    ['externalExperts', 'Externe Experten', 'External experts', 5],
    ['researchProjects', 'Forschungsprojekte', 'Research projects', 3],
  ]),
  surveyB({ id: 'digitalModelStatus.introduced', group: 'digitalModelStatus', category: 'introduced', label: L('Digitale Lösungen eingeführt', 'Digital solutions introduced'), value: 11, approximate: true }),
  ...distribution(surveyB, 'digitalModelLead', [
    ['management', 'Federführung: Geschäftsleitung', 'Lead: management', 82],
    ['salesMarketing', 'Federführung: Vertrieb/Marketing', 'Lead: sales/marketing', 12],
    ['rnd', 'Federführung: Forschung und Entwicklung', 'Lead: R&D', 2],
    ['it', 'Federführung: IT', 'Lead: IT', 2],
  ]),
  surveyB({ id: 'digitalModelInvolved.otherAreas', label: L('Weitere Bereiche beteiligt', 'Other areas involved'), value: 80 }),
  surveyB({ id: 'digitalModelInvolved.salesMarketing', label: L('Beteiligt: Vertrieb/Marketing', 'Involved: sales/marketing'), value: 60 }),
  surveyB({ id: 'digitalModelInvolved.it', label: L('Beteiligt: IT', 'Involved: IT'), value: 55 }),
  ...[
    ['customerRequirements', 'Anpassung an Kundenanforderungen', 'Adapting to customer requirements', 41],
    ['newCustomersExisting', 'Neue Kunden in bestehenden Segmenten', 'New customers in existing segments', 38],
    ['newSegments', 'Neue Segmente', 'New segments', 35],
    ['moreOffers', 'Mehr Angebote für bestehende Kunden', 'More offers for existing customers', 31],
    ['differentiation', 'Differenzierung', 'Differentiation', 30],
    ['costTime', 'Kosten und Zeit', 'Cost and time', 24],
    ['quality', 'Qualität', 'Quality', 24],
    ['resourceEfficiency', 'Ressourceneffizienz', 'Resource efficiency', 15],
  ].map(([k, de, en, v]) => surveyB({ id: `chance.${k}`, label: L(`Große Chance: ${de}`, `Big chance: ${en}`), value: v as number })),
  ...[
    ['timeMeans', 'Umsetzungszeit und -mittel', 'Implementation time and means', 46],
    ['financing', 'Finanzierung', 'Financing', 46],
    ['itSecurity', 'IT-Sicherheit', 'IT security', 40],
    ['legalCertainty', 'Rechtssicherheit, Haftung', 'Legal certainty, liability', 30],
    ['skills', 'Fehlende Kompetenzen', 'Missing skills', 29],
    ['ideas', 'Ideen', 'Ideas', 27],
  ].map(([k, de, en, v]) => surveyB({ id: `barrier.${k}`, label: L(`Große Hürde: ${de}`, `Big barrier: ${en}`), value: v as number })),
];

/** Further facts from the seeds shown in context; each with its own source. */
export const CONTEXT_FACTS: ReadonlyArray<{ id: string; label: Localized; value: number; source: string; year: number | null }> = [
  { id: 'investmentCostObstacle', label: L('Österreichische KMU, die hohe Investitionskosten als größte Hürde nennen', 'Austrian SMEs naming high investment costs as the main obstacle'), value: 40, source: 'KMU 4.0 – 7 Handlungsempfehlungen (seed 000)', year: 2019 },
  { id: 'itProblemsFromStaff', label: L('IT-Probleme in KMU durch Unwissen, Irrtum oder Nachlässigkeit der Mitarbeitenden', "IT problems in SMEs caused by employees' lack of knowledge, mistakes or carelessness"), value: 72, source: 'WIK (Hillebrand et al. 2017), zitiert in seed 000', year: 2017 },
  { id: 'machineDataDowntime', label: L('Weniger Maschinenausfälle und ungeplante Stillstände durch Erfassung und Analyse von Maschinendaten', 'Fewer machine failures and unplanned downtime through capturing and analysing machine data'), value: 25, source: 'Relayr, zitiert in seed 000', year: 2020 },
];
