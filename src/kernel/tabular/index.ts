export { type Cell, type FixedNumber, type Table, type TableLocale, fixed, formatDay, formatNumber, guardFormula, parseDay, parseNumber } from './cells.js';
export { CSV_BOM, type CsvFormat, csvField, csvFormat, csvText, toCsv } from './csv-write.js';
export { type CsvRecord, CsvSyntaxError, parseCsv } from './csv-read.js';
export { type Sheet, XLSX_CONTENT_TYPE, type XlsxRecord, type XlsxValue, readXlsx, writeXlsx, xlsxSafeText, xlsxText } from './xlsx.js';
export { TableFileError, type TextTable, readTableFile } from './read-table.js';
