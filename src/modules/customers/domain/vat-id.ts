/**
 * VAT identification numbers (USt-IdNr.) of the EU member states, Northern Ireland (XI) and
 * Switzerland (CHE, the UID with MWST/TVA/IVA), normalised for comparison.
 */

/** Format after the two-letter prefix, per prefix (from the EU's VIES format table). */
const formats: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^\d{7}[A-W][A-I]?$|^\d[A-Z+*]\d{5}[A-W]$/,
  IT: /^\d{11}$/,
  LT: /^\d{9}$|^\d{12}$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^\d{9}$|^\d{12}$|^GD\d{3}$|^HA\d{3}$/,
  CHE: /^\d{9}$/,
};

export interface VatId {
  /** prefix and number without spaces or punctuation, upper case: DE136695976, CHE123456789 */
  normalised: string;
  country: string;
  /** the format of the prefix's country, and for Germany the check digit, are right */
  valid: boolean;
}

/** German check digit (ISO 7064, MOD 11,10) over the nine digits. */
export function germanCheckDigitValid(nineDigits: string): boolean {
  let product = 10;
  for (let i = 0; i < 8; i++) {
    let sum = (Number(nineDigits[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === Number(nineDigits[8]);
}

/**
 * The VAT ID in comparable form, or null for an empty or prefix-less entry. Spaces, dots, dashes
 * and slashes go, letters become upper case, Greece's GR becomes EL, a Swiss "CHE-123.456.789 MWST"
 * keeps only CHE and the digits.
 */
export function normaliseVatId(raw: string | null | undefined): VatId | null {
  if (!raw) return null;
  let s = raw.toUpperCase().replace(/[\s.\-/_]/g, '');
  if (s === '') return null;
  if (s.startsWith('CHE')) {
    s = s.replace(/(MWST|TVA|IVA)$/, '');
    const number = s.slice(3);
    return { normalised: s, country: 'CHE', valid: formats.CHE!.test(number) };
  }
  if (!/^[A-Z]{2}/.test(s)) return null;
  let country = s.slice(0, 2);
  if (country === 'GR') {
    country = 'EL';
    s = `EL${s.slice(2)}`;
  }
  const number = s.slice(2);
  const format = formats[country];
  const valid = format !== undefined && format.test(number) && (country !== 'DE' || germanCheckDigitValid(number));
  return { normalised: s, country, valid };
}
