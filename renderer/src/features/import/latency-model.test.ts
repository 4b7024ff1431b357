import { describe, expect, it } from 'vitest';
import { contract, type ImportPreview } from '#shared/ipc/contract';
import { describeMapping, fileImportArgs, initialDraft, mappingFromRoles, VALUE_UNITS, type CsvPreview } from './import-model';

const csv: CsvPreview = {
  delimiter: ',',
  hasHeader: true,
  headers: ['time', 'latency_ms'],
  rows: [['2026-01-01T00:01:00Z', '80']],
  roles: ['time', null],
  mapping: null,
  timeFormat: 'iso',
  needsTimeZone: false,
};
const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  fileName: 'latency.csv',
  bytes: 100,
  format: 'csv',
  lines: [],
  csv,
  issues: [],
  ...over,
});
const labels = ['“time”', '“latency_ms”'];
const latencySli = { sliId: 3, path: 'latency.csv', jobId: 'abc', sliKind: 'latency' as const };

describe('importing a value column into a latency SLI', () => {
  it('asks for the unit of the values, not a threshold, and keeps the values for each tier to judge', () => {
    expect(mappingFromRoles(['time', 'value'], labels, '', 'below', '')).toEqual({
      ok: false,
      message:
        'Choose the unit the values are written in (milliseconds, seconds or microseconds): each tier is judged at its own threshold, so no threshold is needed here.',
    });
    expect(mappingFromRoles(['time', 'value'], labels, '', 'below', 's')).toEqual({ ok: true, mapping: { kind: 'latency', time: 0, value: 1, unit: 's' } });
    // A threshold typed before the SLI's kind was known is not used.
    expect(mappingFromRoles(['time', 'value'], labels, '250', 'below', 'ms')).toEqual({
      ok: true,
      mapping: { kind: 'latency', time: 0, value: 1, unit: 'ms' },
    });
  });

  it('offers milliseconds, seconds and microseconds', () => {
    expect(VALUE_UNITS.map((u) => [u.value, u.label])).toEqual([
      ['ms', 'Milliseconds (ms)'],
      ['s', 'Seconds (s)'],
      ['us', 'Microseconds (µs)'],
    ]);
  });

  it('describes the mapping in words that say where the thresholds come from', () => {
    expect(describeMapping({ kind: 'latency', time: 0, value: 1, unit: 'us' }, labels)).toBe(
      'Each row is one latency from “latency_ms”, in microseconds, timed by “time”; each tier is judged at its own threshold.',
    );
  });

  it('builds import/file arguments with the unit for a latency SLI, and a threshold for any other SLI', () => {
    const p = preview();
    const draft = { ...initialDraft(p), roles: ['time', 'value'] as const, valueUnit: 'us' as const };
    const built = fileImportArgs(p, { ...draft, roles: [...draft.roles] }, latencySli);
    expect(built).toEqual({
      ok: true,
      args: {
        sliId: 3,
        path: 'latency.csv',
        format: 'csv',
        onBadRows: 'abort',
        jobId: 'abc',
        csv: { mapping: { kind: 'latency', time: 0, value: 1, unit: 'us' }, timeFormat: 'iso' },
      },
    });
    expect(built.ok && contract['import/file'].args.safeParse(built.args).success).toBe(true);
    const availability = fileImportArgs(p, { ...draft, roles: [...draft.roles], threshold: '200' }, { ...latencySli, sliKind: 'availability' });
    expect(availability.ok && availability.args.csv?.mapping).toEqual({ kind: 'value-threshold', time: 0, value: 1, threshold: 200, direction: 'below' });
    expect(fileImportArgs(p, { ...draft, roles: [...draft.roles], valueUnit: '' }, latencySli)).toMatchObject({
      ok: false,
      errors: { mapping: expect.stringContaining('Choose the unit') },
    });
  });

  it("reads an access log's durations for a latency SLI with only their unit", () => {
    const log = preview({ format: 'access-log', csv: null });
    const draft = initialDraft(log);
    expect(fileImportArgs(log, { ...draft, durationField: 'microseconds' }, latencySli)).toMatchObject({
      ok: true,
      args: { accessLog: { durationField: 'microseconds' } },
    });
    const built = fileImportArgs(log, { ...draft, durationField: 'microseconds', latencyMs: '300' }, latencySli);
    expect(built.ok && built.args.accessLog).toMatchObject({ durationField: 'microseconds' });
    expect(built.ok && built.args.accessLog).not.toHaveProperty('latencyThresholdMs');
    expect(fileImportArgs(log, draft, latencySli)).toMatchObject({
      ok: false,
      errors: { latency: 'Choose the unit of the duration at the end of each line: a latency SLI judges each tier at its own threshold from them.' },
    });
  });

  it('reads JSON samples as one latency each when their unit is chosen, else as good and total counts', () => {
    const json = preview({ format: 'json-samples', csv: null });
    const draft = initialDraft(json);
    expect(fileImportArgs(json, { ...draft, valueUnit: 's' }, latencySli)).toMatchObject({
      ok: true,
      args: { format: 'json-samples', jsonSamples: { valueUnit: 's' } },
    });
    const counts = fileImportArgs(json, draft, latencySli);
    expect(counts.ok && counts.args).not.toHaveProperty('jsonSamples');
    // Another kind of SLI has no thresholds to judge values at.
    const other = fileImportArgs(json, { ...draft, valueUnit: 's' }, { ...latencySli, sliKind: 'availability' });
    expect(other.ok && other.args).not.toHaveProperty('jsonSamples');
  });
});
