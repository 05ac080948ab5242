/**
 * The two ways German words are typed without their special letters: "Müller" as "Mueller"
 * (spelled out) or as "Muller" (the dots left off). A search matches when either form of the query
 * is in the same form of the text, so both find "Müller" — in the database and in the browser.
 */

const SPELLED_OUT: ReadonlyArray<readonly [string, string]> = [
  ['ä', 'ae'], ['ö', 'oe'], ['ü', 'ue'], ['Ä', 'ae'], ['Ö', 'oe'], ['Ü', 'ue'], ['ß', 'ss'], ['ẞ', 'ss'],
];

/** Letters with accents the database form strips (Latin-1 and the German capital ß), and their plain letters. */
export const ACCENTED = 'àáâãäåèéêëìíîïòóôõöùúûüýÿçñÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝÇÑ';
export const PLAIN = 'aaaaaaeeeeiiiiooooouuuuyycnaaaaaaeeeeiiiiooooouuuuycn';

export const spelledOutPairs = SPELLED_OUT;

/** Lower case with umlauts and ß spelled out, other accents left off: "Größe" → "groesse". */
export function foldSpelledOut(text: string): string {
  let spelled = text;
  for (const [letter, spelledOut] of SPELLED_OUT) spelled = spelled.replaceAll(letter, spelledOut);
  return foldPlain(spelled);
}

/** Lower case with accents left off and ß as ss: "Größe" → "grosse". */
export function foldPlain(text: string): string {
  let folded = '';
  for (const ch of text.replaceAll('ß', 'ss').replaceAll('ẞ', 'ss')) {
    const i = ACCENTED.indexOf(ch);
    folded += i >= 0 ? PLAIN[i] : ch;
  }
  return folded.toLowerCase();
}

/** Whether `text` contains `query` in either folded form. */
export function containsFolded(text: string, query: string): boolean {
  return foldSpelledOut(text).includes(foldSpelledOut(query)) || foldPlain(text).includes(foldPlain(query));
}
