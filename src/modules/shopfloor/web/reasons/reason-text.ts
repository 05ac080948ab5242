import { type Reason, reasonPath } from '../../domain/reason-tree';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * How a booking's reason reads: a configured reason by its path (group › reason), an older booking's
 * fixed key by its translation, anything else as stored.
 */
export function reasonText(code: string, kind: 'pause' | 'quantity', reasons: readonly Reason[], lang: 'de' | 'en', t: Translate): string {
  const reason = reasons.find((r) => r.id === code);
  return reason ? reasonPath(reason, reasons, lang) : t(`shopfloor.${kind}.reasons.${code}`, { defaultValue: code });
}
