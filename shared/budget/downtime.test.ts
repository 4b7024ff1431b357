import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTargetPercent } from '../domain/percent';
import { budgetMinutes } from './budget';
import { DOWNTIME_PERIODS, formatDowntime, formatFactor, formatPeriodLength, formatRatePercent } from './downtime';
import { parseRequestsPerDay } from './traffic';

// The table as docs/formats.md publishes it, so the document and the code cannot drift apart.
const FORMATS = fileURLToPath(new URL('../../docs/formats.md', import.meta.url));

function downtimeTable(): { target: string; cells: string[] }[] {
  const text = readFileSync(FORMATS, 'utf8');
  const start = text.indexOf('| target | 1 day | 7 days | 28 days | 30 days | 90 days | 365 days |');
  expect(start).toBeGreaterThan(0);
  return text
    .slice(start)
    .split('\n')
    .slice(2)
    .filter((line) => line.startsWith('| 99'))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return { target: cells[0]!.replace(/\s*%$/, ''), cells: cells.slice(1) };
    });
}

describe('formatDowntime', () => {
  it('reproduces every cell of the published downtime table', () => {
    const rows = downtimeTable();
    expect(rows.map((r) => r.target)).toEqual(['99', '99.5', '99.9', '99.95', '99.99', '99.999']);
    for (const row of rows) {
      const ppm = parseTargetPercent(row.target);
      if (!ppm.ok) throw new Error(ppm.message);
      expect(DOWNTIME_PERIODS.map((p) => formatDowntime(budgetMinutes(ppm.value, p.minutes)))).toEqual(row.cells);
    }
  });

  it('rounds half up where binary floats fall just short (1.825 d → 1.83 d)', () => {
    expect(formatDowntime(2628)).toBe('1.83 d');
    expect(formatDowntime(9.996 * 60)).toBe('10.0 h');
    expect(formatDowntime(99.96 * 1440)).toBe('100 d');
  });
});

describe('formatPeriodLength', () => {
  it('shows whole days, and the hour a DST change adds or removes', () => {
    expect(formatPeriodLength(40_320)).toBe('28 d');
    expect(formatPeriodLength(44_580)).toBe('30 d 23 h');
    expect(formatPeriodLength(44_700)).toBe('31 d 1 h');
  });
});

describe('alert numbers', () => {
  it('prints factors as Sloth publishes them, without float noise', () => {
    expect([14.4, 5.6000000000000005, 2.8000000000000003, 0.9333333333333333].map(formatFactor)).toEqual(['14.4', '5.6', '2.8', '0.9333']);
  });

  it('prints error rates as percentages with four significant digits', () => {
    expect(formatRatePercent(14.4 * 0.001)).toBe('1.44');
    expect(formatRatePercent(13.44 * 0.001)).toBe('1.344');
    expect(formatRatePercent(0.9333333333333333 * 0.001)).toBe('0.09333');
  });
});

describe('parseRequestsPerDay', () => {
  it('reads plain and grouped numbers and clears on empty text', () => {
    expect(parseRequestsPerDay('1000000')).toEqual({ ok: true, value: 1_000_000 });
    expect(parseRequestsPerDay(' 1,000,000 ')).toEqual({ ok: true, value: 1_000_000 });
    expect(parseRequestsPerDay('2 500.5')).toEqual({ ok: true, value: 2500.5 });
    expect(parseRequestsPerDay('')).toEqual({ ok: true, value: null });
  });

  it('refuses text, negative and absurd traffic with the contract’s words', () => {
    expect(parseRequestsPerDay('lots')).toEqual({ ok: false, message: 'Traffic must be a number of requests per day such as 1000000, not "lots"' });
    expect(parseRequestsPerDay('1e6').ok).toBe(false);
    expect(parseRequestsPerDay('-5')).toEqual({ ok: false, message: 'Traffic must not be negative' });
    expect(parseRequestsPerDay('2000000000000000')).toEqual({ ok: false, message: 'Traffic must be at most 10^15 requests per day' });
  });
});
