import { describe, expect, it } from 'vitest';
import { guessColumns, guessTimeFormat } from './columns';
import { guessRole } from './detect';

const guess = (headers: string[], first: string[]) => guessColumns(headers, headers.map(guessRole), first);

describe('guessTimeFormat', () => {
  it('reads 10 digits as epoch seconds, 13 as epoch milliseconds and anything else as ISO 8601', () => {
    expect(guessTimeFormat('1735689600')).toEqual({ timeFormat: 'epoch-s', needsTimeZone: false });
    expect(guessTimeFormat('1735689600.5')).toEqual({ timeFormat: 'epoch-s', needsTimeZone: false });
    expect(guessTimeFormat('1735689600000')).toEqual({ timeFormat: 'epoch-ms', needsTimeZone: false });
    expect(guessTimeFormat('2025-01-01T00:00:00+01:00')).toEqual({ timeFormat: 'iso', needsTimeZone: false });
    expect(guessTimeFormat('2025-01-01 00:00:00')).toEqual({ timeFormat: 'iso', needsTimeZone: true });
  });
});

describe('guessColumns', () => {
  it('maps time, good and total by index and leaves a ratio beside the counts unused', () => {
    expect(guess(['timestamp', 'good', 'total', 'availability'], ['1735689600', '9', '10', '0.9'])).toEqual({
      mapping: { kind: 'good-total', time: 0, good: 1, total: 2 },
      roles: [
        ['time', 0],
        ['good', 1],
        ['total', 2],
      ],
      timeFormat: 'epoch-s',
      needsTimeZone: false,
      missing: null,
      ambiguity: null,
      unused: [3],
    });
  });

  it('calls two time columns ambiguous, naming both, while still suggesting the first for the wizard', () => {
    const g = guess(['time', 'date', 'good', 'total'], ['1735689600', '2025-01-01', '9', '10']);
    expect(g.mapping).toEqual({ kind: 'good-total', time: 0, good: 2, total: 3 });
    expect(g.ambiguity).toBe('2 columns could be the time: "time" and "date"');
  });

  it('calls good and bad counts beside one total ambiguous', () => {
    expect(guess(['time', 'good', 'bad', 'total'], ['1735689600', '9', '1', '10']).ambiguity).toBe(
      'both "good" (good events) and "bad" (bad events) could count against the total "total", and they need not agree',
    );
  });

  it('says what is missing when no column is named like a time or like counts', () => {
    expect(guess(['host', 'good', 'total'], ['a', '9', '10']).missing).toBe('no column is named like a time (its columns: "host", "good", "total")');
    expect(guess(['time', 'latency'], ['1735689600', '12']).missing).toBe(
      'no columns are named like good and total, bad and total, or a ratio (its columns: "time", "latency")',
    );
  });
});
