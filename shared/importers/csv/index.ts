// The CSV/TSV importer: decodeBytes → detectCsv (wizard preview and mapping) → parseCsv (one normalised series).
export { decodeBytes, type DecodeResult, type TextEncodingName } from './decode';
export { CSV_DELIMITERS, detectCsv, guessRole, type ColumnRole, type CsvDelimiter, type CsvDetection } from './detect';
export { parseCsv, type ColumnRef, type CsvMapping, type CsvParseOptions } from './parse';
export { parseStrictNumber } from './numbers';
export type { CsvTimeFormat } from './time';
