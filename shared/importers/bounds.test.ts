import { describe, expect, it } from 'vitest';
import { boundSeriesName, describeTime, isPlausibleTime, MAX_SAMPLE_MS, MAX_SERIES_NAME_CHARS, MIN_SAMPLE_MS } from './bounds';
import type { ImportIssue } from './types';

describe('the plausible span of sample times', () => {
  it('runs from 1970-01-01 up to but not including 2200-01-01', () => {
    expect(MIN_SAMPLE_MS).toBe(Date.UTC(1970, 0, 1));
    expect(MAX_SAMPLE_MS).toBe(Date.UTC(2200, 0, 1));
    expect([isPlausibleTime(0), isPlausibleTime(MAX_SAMPLE_MS - 1), isPlausibleTime(MAX_SAMPLE_MS), isPlausibleTime(-1), isPlausibleTime(NaN)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('describes a time Date cannot show without throwing', () => {
    expect(describeTime(1e18)).toBe('1000000000000000000 ms since 1970');
    expect(describeTime(Date.UTC(2024, 0, 1))).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('series names', () => {
  it('are cut to 256 characters with a warning naming the limit', () => {
    const issues: ImportIssue[] = [];
    expect(boundSeriesName('a'.repeat(300), issues)).toBe('a'.repeat(MAX_SERIES_NAME_CHARS));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', code: 'SERIES_NAME_TOO_LONG' });
    expect(issues[0]!.message).toContain('300 characters is longer than the limit of 256');
  });

  it('of 256 characters or fewer are kept as they are, without a warning', () => {
    const issues: ImportIssue[] = [];
    expect(boundSeriesName('b'.repeat(256), issues)).toBe('b'.repeat(256));
    expect(issues).toEqual([]);
  });
});
