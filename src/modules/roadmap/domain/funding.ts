import type { FundingCatalogue, FundingProgramme } from '../catalogue/funding-schema.js';
import type { MeasureKind } from '../catalogue/measure-schema.js';

export interface FundingMatch {
  programme: FundingProgramme;
  /** The measure's kinds the programme funds. */
  kinds: MeasureKind[];
  /** Where the programme applies: the firm's state, its country, or the EU. */
  scope: 'state' | 'country' | 'eu';
  /** True when `validUntil` lies before the reference date. */
  expired: boolean;
}

const SCOPE_ORDER: Record<FundingMatch['scope'], number> = { state: 0, country: 1, eu: 2 };

function scopeFor(regions: readonly string[], country: string, state: string | undefined): FundingMatch['scope'] | null {
  if (state && regions.includes(`${country}-${state}`)) return 'state';
  if (regions.includes(country)) return 'country';
  if (regions.includes('EU')) return 'eu';
  return null;
}

/**
 * Funding programmes for a measure: the programme must apply where the firm is (its federal
 * state, Germany as a whole, or the EU) and fund at least one of the measure's kinds. A firm
 * without a state only matches country-wide and EU programmes. Programmes that ended before
 * `on` (ISO date) are left out unless `includeExpired`; without `on` nothing counts as expired.
 * Most specific region first, then most matching kinds, then catalogue order.
 */
export function matchFunding(
  measure: { kinds: readonly MeasureKind[] },
  firm: { state?: string; country?: string },
  catalogue: FundingCatalogue,
  options: { on?: string; includeExpired?: boolean } = {},
): FundingMatch[] {
  const country = firm.country ?? 'DE';
  const matches: Array<FundingMatch & { index: number }> = [];
  catalogue.programmes.forEach((programme, index) => {
    const scope = scopeFor(programme.regions, country, firm.state);
    if (!scope) return;
    const kinds = measure.kinds.filter((k) => programme.kinds.includes(k));
    if (kinds.length === 0) return;
    const expired = options.on !== undefined && programme.validUntil !== null && programme.validUntil < options.on;
    if (expired && !options.includeExpired) return;
    matches.push({ programme, kinds, scope, expired, index });
  });
  matches.sort(
    (a, b) => SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || b.kinds.length - a.kinds.length || a.index - b.index,
  );
  return matches.map(({ index: _index, ...match }) => match);
}
