import type { Severity } from '../manage-api';

/**
 * Dark shades so that text in this colour on white, and white text on it, keep a contrast of at
 * least 4.5:1 (Mantine's darkest orange does not, hence the darker brown-orange for warnings).
 */
export const SEVERITY_COLOR: Record<Severity, string> = { info: 'blue.9', warning: '#a13c00', critical: 'red.9' };
