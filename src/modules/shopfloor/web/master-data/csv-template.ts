/** The columns of the order import as the server reads them (English or German header). */
export const CSV_COLUMNS = [
  { en: 'number', de: 'Auftrag', required: true },
  { en: 'part', de: 'Teil', required: true },
  { en: 'quantity', de: 'Menge', required: true },
  { en: 'dueDate', de: 'Liefertermin', required: false },
  { en: 'customerReference', de: 'Kundenreferenz', required: false },
  { en: 'priority', de: 'Priorität', required: false },
  { en: 'releasedAt', de: 'Freigabe', required: false },
] as const;

/** A two-line example in the user's language: German with ";" and TT.MM.JJJJ, English with ",". */
export function csvTemplate(language: 'de' | 'en', part = 'KON-117'): string {
  if (language === 'de') {
    return ['Auftrag;Teil;Menge;Liefertermin;Kundenreferenz;Priorität', `FA-1001;${part};120;15.03.2027;Bau Nord KG;2`, `FA-1002;${part};40;;;5`].join('\n');
  }
  return ['number,part,quantity,dueDate,customerReference,priority', `FA-1001,${part},120,2027-03-15,Bau Nord KG,2`, `FA-1002,${part},40,,,5`].join('\n');
}
