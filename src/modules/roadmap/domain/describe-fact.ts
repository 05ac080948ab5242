import type { ClassificationName, DimensionId, LocalizedText } from '../catalogue/measure-schema.js';
import { getQuestionnaire } from '../../check/public.js';
import type { MatchedFact } from './evaluate-condition.js';

export const DIMENSION_NAMES: Record<DimensionId, LocalizedText> = {
  strategy: { de: 'Strategie', en: 'Strategy' },
  businessModel: { de: 'Geschäftsmodell & Innovation', en: 'Business model & innovation' },
  people: { de: 'Menschen & Kompetenzen', en: 'People & skills' },
  customers: { de: 'Kunden, Vertrieb & Marketing', en: 'Customers, sales & marketing' },
  data: { de: 'Daten & Auswertung', en: 'Data & analytics' },
  production: { de: 'Produktion & vernetzte Maschinen', en: 'Production & connected machines' },
  security: { de: 'IT-Sicherheit & Datenschutz', en: 'IT security & data protection' },
  cooperation: { de: 'Kooperation, Plattformen & Cloud', en: 'Cooperation, platforms & cloud' },
  organisation: { de: 'Organisation & Kultur', en: 'Organisation & culture' },
};

const CLASSIFICATION_NAMES: Record<ClassificationName, LocalizedText> = {
  serviceStage: { de: 'Service-Reifegradstufe', en: 'service maturity stage' },
  digitalBusinessModelProvider: { de: 'Anbieter digitaler Geschäftsmodelle', en: 'digital business-model provider' },
  digitalisationDegree: { de: 'Digitalisierungsgrad', en: 'digitalisation degree' },
  servicesCompetitiveFactor: { de: 'Dienstleistungen als Wettbewerbsfaktor', en: 'services as a competitive factor' },
  dependency: { de: 'Abhängigkeit vom Hauptgeschäftsmodell', en: 'dependency on the main business model' },
};

const VALUE_NAMES: Record<string, LocalizedText> = {
  true: { de: 'ja', en: 'yes' },
  false: { de: 'nein', en: 'no' },
  low: { de: 'niedrig', en: 'low' },
  medium: { de: 'mittel', en: 'medium' },
  high: { de: 'hoch', en: 'high' },
  moderate: { de: 'mäßig', en: 'moderate' },
  elevated: { de: 'erhöht', en: 'elevated' },
};

function valueText(value: string | number | boolean, lang: 'de' | 'en'): string {
  return VALUE_NAMES[String(value)]?.[lang] ?? String(value);
}

/** The answer as the person saw it in the questionnaire (step or option label), not as stored. */
export function answerLabel(itemId: string, value: string | number | boolean): LocalizedText {
  const item = getQuestionnaire().items.find((i) => i.id === itemId);
  if (item?.type === 'scale' && typeof value === 'number' && item.steps[value]) return item.steps[value];
  if (item?.type === 'choice') {
    const option = item.options.find((o) => o.value === value);
    if (option) return option.label;
  }
  return { de: valueText(value, 'de'), en: valueText(value, 'en') };
}

/** A fact in plain words, e.g. "IT-Sicherheit & Datenschutz: 35 von 100 (Schwelle 50)". */
export function describeFact(fact: MatchedFact): LocalizedText {
  switch (fact.kind) {
    case 'dimension': {
      const name = DIMENSION_NAMES[fact.dimension];
      const score = Math.round(fact.score);
      return fact.op === 'below'
        ? { de: `${name.de}: ${score} von 100 (unter ${fact.threshold})`, en: `${name.en}: ${score} of 100 (below ${fact.threshold})` }
        : { de: `${name.de}: ${score} von 100 (ab ${fact.threshold})`, en: `${name.en}: ${score} of 100 (${fact.threshold} or more)` };
    }
    case 'item': {
      const label = answerLabel(fact.item, fact.value);
      return { de: `Ihre Antwort: „${label.de}“`, en: `your answer: "${label.en}"` };
    }
    case 'classification': {
      const name = CLASSIFICATION_NAMES[fact.name];
      return { de: `${name.de}: ${valueText(fact.value, 'de')}`, en: `${name.en}: ${valueText(fact.value, 'en')}` };
    }
    case 'profile':
      return fact.key === 'employees'
        ? { de: `${fact.value} Beschäftigte`, en: `${fact.value} employees` }
        : { de: `Stellung in der Wertschöpfungskette: ${fact.value}`, en: `position in the value chain: ${fact.value}` };
  }
}
