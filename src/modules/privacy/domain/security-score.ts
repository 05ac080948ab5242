import { SECURITY_AREAS, SECURITY_REQUIREMENTS, type SecurityArea, type SecurityRequirement } from './security-catalogue.js';

export const SECURITY_ANSWERS = ['met', 'partly', 'not_met', 'not_applicable'] as const;
export type SecurityAnswer = (typeof SECURITY_ANSWERS)[number];
export type RiskLevel = 'high' | 'medium' | 'low';

/**
 * Points per answer, after DIN SPEC 27076: a requirement met counts 1, a TOP requirement met 3 and a
 * TOP requirement not met −3. "Partly" lies halfway (our addition: the standard knows only met and
 * not met). Unanswered counts as not met — an open question is never taken for a met one.
 */
export function pointsOf(req: Pick<SecurityRequirement, 'top'>, answer: SecurityAnswer | undefined): number {
  if (answer === 'met') return req.top ? 3 : 1;
  if (answer === 'partly') return req.top ? 0 : 0.5;
  return req.top ? -3 : 0;
}

/** "Does not apply" counts only where the requirement allows it; elsewhere it is no answer. */
export function effectiveAnswer(req: SecurityRequirement, answer: SecurityAnswer | undefined): SecurityAnswer | undefined {
  return answer === 'not_applicable' && !req.notApplicableWhen ? undefined : answer;
}

export interface SecurityGap {
  id: string;
  area: SecurityArea;
  top: boolean;
  /** An unanswered requirement is not a gap but an open question (`open`). */
  answer: 'not_met' | 'partly';
}

export interface AreaResult {
  area: SecurityArea;
  applicable: number;
  met: number;
  partly: number;
  notMet: number;
  open: number;
  /** Met requirements (partly counts half) as a share of the applicable ones, 0–100. */
  fulfilment: number;
}

export interface SecurityStatus {
  points: number;
  maxPoints: number;
  minPoints: number;
  level: RiskLevel;
  /** Every requirement answered; until then the unanswered ones count as not met. */
  complete: boolean;
  answered: number;
  total: number;
  fulfilment: number;
  areas: AreaResult[];
  /** Not met or partly met, TOP first, then not met before partly, then catalogue order. */
  gaps: SecurityGap[];
  /** Requirements not answered yet, in catalogue order. */
  open: string[];
}

/** High risk below half the reachable points or with any TOP requirement not fully met; medium below 80 %. */
export const LEVEL_THRESHOLDS = { high: 0.5, medium: 0.8 } as const;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function scoreSecurityCheck(answers: Readonly<Record<string, SecurityAnswer | undefined>>, catalogue: readonly SecurityRequirement[] = SECURITY_REQUIREMENTS): SecurityStatus {
  let points = 0;
  let maxPoints = 0;
  let minPoints = 0;
  let answered = 0;
  let topOpen = false;
  const gaps: SecurityGap[] = [];
  const open: string[] = [];
  const areas = new Map<SecurityArea, AreaResult>(SECURITY_AREAS.map((area) => [area, { area, applicable: 0, met: 0, partly: 0, notMet: 0, open: 0, fulfilment: 0 }]));
  for (const req of catalogue) {
    const answer = effectiveAnswer(req, answers[req.id]);
    const area = areas.get(req.area)!;
    if (answer !== undefined) answered += 1;
    if (answer === 'not_applicable') continue;
    area.applicable += 1;
    points += pointsOf(req, answer);
    maxPoints += pointsOf(req, 'met');
    minPoints += pointsOf(req, 'not_met');
    if (req.top && answer !== 'met') topOpen = true;
    if (answer === 'met') area.met += 1;
    else if (answer === 'partly') { area.partly += 1; gaps.push({ id: req.id, area: req.area, top: req.top, answer }); }
    else if (answer === 'not_met') { area.notMet += 1; gaps.push({ id: req.id, area: req.area, top: req.top, answer }); }
    else { area.open += 1; open.push(req.id); }
  }
  for (const a of areas.values()) a.fulfilment = a.applicable === 0 ? 100 : round1((100 * (a.met + a.partly / 2)) / a.applicable);
  const applicable = [...areas.values()].reduce((s, a) => s + a.applicable, 0);
  const metShare = [...areas.values()].reduce((s, a) => s + a.met + a.partly / 2, 0);
  const order = new Map(catalogue.map((q, i) => [q.id, i]));
  gaps.sort((a, b) => Number(b.top) - Number(a.top) || Number(a.answer === 'partly') - Number(b.answer === 'partly') || order.get(a.id)! - order.get(b.id)!);
  const share = maxPoints === 0 ? 1 : points / maxPoints;
  const level: RiskLevel = topOpen || share < LEVEL_THRESHOLDS.high ? 'high' : share < LEVEL_THRESHOLDS.medium ? 'medium' : 'low';
  return {
    points, maxPoints, minPoints, level,
    complete: answered === catalogue.length,
    answered,
    total: catalogue.length,
    fulfilment: applicable === 0 ? 100 : round1((100 * metShare) / applicable),
    areas: [...areas.values()],
    gaps,
    open,
  };
}
