// detect: the delimiter, the header and a preview of a CSV/TSV text, with a guessed role per column, for the
// import wizard's column-mapping step. Nothing here converts values; that is parseCsv's work.
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits } from '../types';
import { createIssueLog } from './issues';
import { parseStrictNumber } from './numbers';
import { scanCsv } from './scan';

/** The delimiters the CSV importer recognises. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;

/** One recognised delimiter. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** What a column may hold, as guessed from its name. */
export type ColumnRole = 'time' | 'good' | 'total' | 'bad' | 'ratio' | 'value';

/** What detectCsv found: delimiter, header, column names, preview rows, guessed roles and any header issues. */
export type CsvDetection = {
  delimiter: CsvDelimiter;
  hasHeader: boolean;
  /** The header's names, or "column 1", "column 2", … when the file has no header. */
  headers: string[];
  /** The first data rows as strings. */
  preview: string[][];
  roles: (ColumnRole | null)[];
  issues: ImportIssue[];
};

/** Removes a leading UTF-8 byte-order mark (U+FEFF) from decoded text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  ['time', /^(t|ts|time|timestamp|date|datetime|@timestamp|when|period|minute|hour|day)$|time|date/],
  ['bad', /bad|error|err|fail|5xx|invalid|breach/],
  ['good', /good|success|ok|2xx|valid|pass/],
  ['total', /total|count|requests|attempts|all|events|volume/],
  ['ratio', /ratio|availability|sli|uptime|percent|pct|rate/],
  ['value', /value|latency|duration|ms|seconds|val|p\d\d|metric/],
];

/** The role a column name suggests, or null when nothing matches. */
export function guessRole(name: string): ColumnRole | null {
  const key = name.trim().toLowerCase();
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(key)) return role;
  return null;
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

function looksLikeData(field: string): boolean {
  return parseStrictNumber(field) !== null || DATE_LIKE.test(field.trim());
}

function sample(text: string, delimiter: string, rows: number, limits: ImportLimits): { rows: string[][]; ragged: number; issues: ImportIssue[] } {
  const log = createIssueLog(20);
  const out: string[][] = [];
  scanCsv(text, delimiter, limits, log, (row) => {
    out.push(row.texts());
    return out.length < rows;
  });
  return { rows: out, ragged: log.count('RAGGED_ROW'), issues: log.finish() };
}

/** Checks header names: each must be non-empty and unique (compared trimmed and case-insensitively). */
export function checkHeaders(headers: string[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  headers.forEach((raw, index) => {
    const name = raw.trim();
    if (name === '')
      issues.push({ severity: 'error', code: 'EMPTY_HEADER', line: 1, column: index + 1, message: `Column ${index + 1} has no name in the header` });
    const key = name.toLowerCase();
    const before = seen.get(key);
    if (name !== '' && before !== undefined) {
      issues.push({
        severity: 'error',
        code: 'DUPLICATE_HEADER',
        line: 1,
        column: index + 1,
        message: `Column ${index + 1} repeats the name "${name}" of column ${before + 1}`,
      });
    }
    if (before === undefined) seen.set(key, index);
  });
  return issues;
}

/**
 * Detects the delimiter (from `,` `;` tab, the one giving the most fields consistently over the first rows), whether
 * the first row is a header (no field in it is a number or a date), and previews `previewRows` data rows.
 */
export function detectCsv(input: string, previewRows = 20, limits: ImportLimits = DEFAULT_LIMITS): CsvDetection {
  const text = stripBom(input);
  let best: { delimiter: CsvDelimiter; rows: string[][]; issues: ImportIssue[]; score: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const s = sample(text, delimiter, previewRows + 1, limits);
    const width = s.rows[0]?.length ?? 0;
    const score = width <= 1 ? 0 : s.ragged === 0 ? width * 2 : 1;
    if (best === null || score > best.score) best = { delimiter, rows: s.rows, issues: s.issues, score };
  }
  const chosen = best!;
  const first = chosen.rows[0] ?? [];
  const hasHeader = first.length > 0 && !first.some(looksLikeData);
  const headers = hasHeader ? first.map((h) => h.trim()) : first.map((_, k) => `column ${k + 1}`);
  const issues = [...chosen.issues, ...(hasHeader ? checkHeaders(first) : [])];
  if (first.length === 0) issues.push({ severity: 'error', code: 'EMPTY_FILE', message: 'The file has no rows' });
  return {
    delimiter: chosen.delimiter,
    hasHeader,
    headers,
    preview: chosen.rows.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + previewRows),
    roles: headers.map((h) => (hasHeader ? guessRole(h) : null)),
    issues,
  };
}
