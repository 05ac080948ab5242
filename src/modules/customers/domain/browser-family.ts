/** The browser family for a customer link's view log: the name only, never the version or the device. */
export const browserFamilies = ['Edge', 'Opera', 'Samsung Internet', 'Firefox', 'Chrome', 'Safari', 'other'] as const;
export type BrowserFamily = (typeof browserFamilies)[number];

// Order matters: Edge, Opera and Samsung Internet also say "Chrome" and "Safari"; Chrome also says "Safari".
const RULES: ReadonlyArray<[RegExp, BrowserFamily]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\b(?:Headless)?Chrome\/|\bChromium\/|\bCriOS\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

export function browserFamily(userAgent: string | undefined): BrowserFamily {
  if (!userAgent) return 'other';
  return RULES.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'other';
}
