import type { ReactNode } from 'react';

/**
 * A horizontally scrolling area for wide tables on narrow screens; focusable and named so that
 * keyboard users can scroll it too.
 */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
