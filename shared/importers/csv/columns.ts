// columns: which columns of a CSV hold the time and the events, and how its times are written, guessed from the
// header's names (guessRole) and the first data row. The import wizard starts its mapping step from this guess; the
// CLI imports with it when no --map is given, and refuses it when the columns allow more than one reading.
import type { ColumnRole } from './detect';
import type { ColumnRef, CsvMapping } from './parse';
import type { CsvTimeFormat } from './time';

/** How a file's times look: the format, and whether ISO text without an offset leaves its zone to be chosen. */
export type TimeFormatGuess = { timeFormat: CsvTimeFormat; needsTimeZone: boolean };

/** Each time format as a message names it. */
export const TIME_FORMAT_WORDS: Readonly<Record<CsvTimeFormat, string>> = { iso: 'ISO 8601', 'epoch-s': 'epoch seconds', 'epoch-ms': 'epoch milliseconds' };

/** How a sample time looks: 13 digits are epoch milliseconds, 9 or 10 (with decimals) epoch seconds, else ISO 8601. */
export function guessTimeFormat(sample: string | undefined): TimeFormatGuess {
  const text = (sample ?? '').trim();
  if (/^\d{13}$/.test(text)) return { timeFormat: 'epoch-ms', needsTimeZone: false };
  if (/^\d{9,10}(\.\d+)?$/.test(text)) return { timeFormat: 'epoch-s', needsTimeZone: false };
  return { timeFormat: 'iso', needsTimeZone: !/(Z|[+-]\d\d(:?\d\d)?)$/i.test(text) };
}

/** The mapping guessed roles suggest (the first column of each role, by index), or null without a time and a measure. */
export function suggestMapping(roles: readonly (ColumnRole | null)[]): CsvMapping | null {
  const at = (role: ColumnRole) => roles.indexOf(role);
  const time = at('time');
  if (time < 0) return null;
  if (at('good') >= 0 && at('total') >= 0) return { kind: 'good-total', time, good: at('good'), total: at('total') };
  if (at('bad') >= 0 && at('total') >= 0) return { kind: 'bad-total', time, bad: at('bad'), total: at('total') };
  if (at('ratio') >= 0) return { kind: 'ratio', time, ratio: at('ratio'), ...(at('total') >= 0 ? { total: at('total') } : {}) };
  return null;
}

/** What the header and first row of a CSV suggest, with why the suggestion may not be the only reading. */
export type ColumnGuess = TimeFormatGuess & {
  /** The suggested mapping, by column index, or null when the names give none. */
  mapping: CsvMapping | null;
  /** The roles the mapping gives, in the order the columns are named in messages (time first). */
  roles: [ColumnRole, number][];
  /** Why no mapping is suggested, or null when one is. */
  missing: string | null;
  /** Why the suggestion is one of several readings, naming the candidate columns, or null when it is the only one. */
  ambiguity: string | null;
  /** Columns the mapping leaves out. */
  unused: number[];
};

const ROLE_WORDS: Readonly<Record<ColumnRole, string>> = {
  time: 'the time',
  good: 'the good count',
  bad: 'the bad count',
  total: 'the total',
  ratio: 'the ratio',
  value: 'the value',
};

/** The column each role of a mapping reads, time first. */
export function mappingColumns(m: CsvMapping): [ColumnRole, ColumnRef][] {
  switch (m.kind) {
    case 'good-total':
      return [
        ['time', m.time],
        ['good', m.good],
        ['total', m.total],
      ];
    case 'bad-total':
      return [
        ['time', m.time],
        ['bad', m.bad],
        ['total', m.total],
      ];
    case 'ratio':
      return m.total === undefined
        ? [
            ['time', m.time],
            ['ratio', m.ratio],
          ]
        : [
            ['time', m.time],
            ['ratio', m.ratio],
            ['total', m.total],
          ];
    case 'value-threshold':
    case 'latency':
      return [
        ['time', m.time],
        ['value', m.value],
      ];
  }
}

function quoted(headers: readonly string[], columns: readonly number[]): string {
  const names = columns.map((at) => `"${headers[at] ?? `column ${at + 1}`}"`);
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Guesses the mapping and time format of a CSV from its header names' roles and its first data row. The guess is
 * ambiguous when a role the mapping uses could be held by more than one column (two columns named like a time), or
 * when both a good and a bad count stand beside the total: they need not agree, and nothing says which to trust. A
 * ratio beside good and total counts is not: the counts are used, as the wizard proposes, and the ratio is left out.
 */
export function guessColumns(headers: readonly string[], roles: readonly (ColumnRole | null)[], firstRow: readonly string[] | undefined): ColumnGuess {
  const candidates = (role: ColumnRole) => roles.flatMap((r, at) => (r === role ? [at] : []));
  const mapping = suggestMapping(roles);
  const time = candidates('time');
  const guess = guessTimeFormat(time.length > 0 ? firstRow?.[time[0]!] : undefined);
  const all = headers.map((h) => `"${h}"`).join(', ');
  if (mapping === null) {
    const missing =
      time.length === 0
        ? `no column is named like a time (its columns: ${all})`
        : `no columns are named like good and total, bad and total, or a ratio (its columns: ${all})`;
    return { ...guess, mapping, roles: [], missing, ambiguity: null, unused: [] };
  }
  const used = mappingColumns(mapping).map(([role, ref]): [ColumnRole, number] => [role, Number(ref)]);
  let ambiguity: string | null = null;
  for (const [role] of used) {
    const held = candidates(role);
    if (held.length > 1) {
      ambiguity = `${held.length} columns could be ${ROLE_WORDS[role]}: ${quoted(headers, held)}`;
      break;
    }
  }
  const bad = candidates('bad');
  if (ambiguity === null && mapping.kind === 'good-total' && bad.length > 0) {
    ambiguity =
      `both ${quoted(headers, [Number(mapping.good)])} (good events) and ${quoted(headers, bad)} (bad events) could count against the total ` +
      `${quoted(headers, [Number(mapping.total)])}, and they need not agree`;
  }
  const taken = new Set(used.map(([, at]) => at));
  return { ...guess, mapping, roles: used, missing: null, ambiguity, unused: headers.flatMap((_, at) => (taken.has(at) ? [] : [at])) };
}
