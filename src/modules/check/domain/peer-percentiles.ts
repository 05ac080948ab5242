import type { SizeClass } from '../../../kernel/profile/company-profile.js';
import type { DimensionId } from './questionnaire-schema.js';

/** Smallest group, the firm itself included, for which anything is shown. */
export const MIN_PEER_GROUP = 5;

export interface PeerRecord {
  companyId: string;
  optedIn: boolean;
  sizeClass: SizeClass;
  /** WZ 2008 section letter (wzSectionOf). */
  wzSection: string;
  scores: Partial<Record<DimensionId, number | null>>;
}

export interface PeerPercentiles {
  /** Distinct opted-in firms of the same size class and section, the firm included. */
  groupSize: number;
  /** Per dimension the share (0–100) of the group scoring below the firm, ties counted half. */
  dimensions: Array<{ id: DimensionId; percentile: number | null }>;
}

/**
 * Percentiles of a firm's dimension scores among opted-in peers of the same size class and WZ
 * section. The firm counts as a member of its own group (so 4 peers + the firm = 5). Returns
 * null when the group has fewer than 5 firms; a dimension gets null when fewer than 5 group
 * members have a score for it, so no filter ever exposes a smaller group.
 */
export function peerPercentiles(firm: PeerRecord, peers: readonly PeerRecord[], dimensions: readonly DimensionId[]): PeerPercentiles | null {
  const group = new Map<string, PeerRecord>([[firm.companyId, firm]]);
  for (const p of peers) {
    if (p.companyId === firm.companyId || !p.optedIn) continue;
    if (p.sizeClass !== firm.sizeClass || p.wzSection !== firm.wzSection) continue;
    group.set(p.companyId, p);
  }
  if (group.size < MIN_PEER_GROUP) return null;
  return {
    groupSize: group.size,
    dimensions: dimensions.map((id) => {
      const own = firm.scores[id];
      const scores = [...group.values()].map((m) => m.scores[id]).filter((s): s is number => typeof s === 'number');
      if (typeof own !== 'number' || scores.length < MIN_PEER_GROUP) return { id, percentile: null };
      const below = scores.filter((s) => s < own).length;
      const equal = scores.filter((s) => s === own).length;
      return { id, percentile: Math.round((100 * (below + equal / 2)) / scores.length) };
    }),
  };
}
