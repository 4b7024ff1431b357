import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, type ImportPreview, type ImportSummary } from '#shared/ipc/contract';
import { duplicateText, errorView, formatBytes, formatStep, progressView, seriesRows, shownIssues } from './import-display';
import {
  BUCKET_CHOICES,
  columnLabels,
  ENCODING_CHOICES,
  describeMapping,
  fileImportArgs,
  initialDraft,
  initialRoles,
  mappingFromRoles,
  newJobId,
  timeZoneChoices,
  type CsvPreview,
  type RoleChoice,
} from './import-model';
import { initialPromDraft, localInputToMs, msToLocalInput, promImportArgs, rangeHint } from './prometheus-model';

const csv = (over: Partial<CsvPreview> = {}): CsvPreview => ({
  delimiter: ',',
  hasHeader: true,
  headers: ['ts', 'ok', 'all', 'note'],
  rows: [['2025-03-01 00:00', '9', '10', 'x']],
  roles: ['time', 'good', 'total', null],
  mapping: { kind: 'good-total', time: 0, good: 1, total: 2 },
  timeFormat: 'iso',
  needsTimeZone: false,
  ...over,
});
const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  fileName: 'history.csv',
  bytes: 1234,
  format: 'csv',
  lines: ['ts,ok,all,note'],
  csv: csv(),
  issues: [],
  ...over,
});
const labels = ['“ts”', '“ok”', '“all”', '“note”'];
const job = { sliId: 7, path: 'data/history.csv', jobId: 'abc' };

describe('the column roles', () => {
  it('start from the suggested mapping, by index or by header name', () => {
    expect(initialRoles(csv())).toEqual(['time', 'good', 'total', 'ignore']);
    expect(initialRoles(csv({ mapping: { kind: 'ratio', time: 'ts', ratio: 'note' } }))).toEqual(['time', 'ignore', 'ignore', 'ratio']);
  });

  it('fall back to the first guess of each role when nothing is suggested', () => {
    expect(initialRoles(csv({ mapping: null, roles: ['time', 'bad', 'bad', 'time'] }))).toEqual(['time', 'bad', 'ignore', 'ignore']);
  });

  it('name columns by header, or by position when the file has no header', () => {
    expect(columnLabels(csv())).toEqual(labels);
    expect(columnLabels(csv({ hasHeader: false, headers: ['column 1', 'column 2'] }))).toEqual(['column 1', 'column 2']);
  });
});

describe('the mapping derived from the roles', () => {
  const map = (roles: RoleChoice[], threshold = '', direction: 'below' | 'above' = 'below') => mappingFromRoles(roles, labels, threshold, direction);

  it('reads good and total, bad and total, a ratio with or without a total, and a value with its threshold', () => {
    expect(map(['time', 'good', 'total', 'ignore'])).toEqual({ ok: true, mapping: { kind: 'good-total', time: 0, good: 1, total: 2 } });
    expect(map(['total', 'bad', 'time', 'ignore'])).toEqual({ ok: true, mapping: { kind: 'bad-total', time: 2, bad: 1, total: 0 } });
    expect(map(['time', 'ratio', 'ignore', 'ignore'])).toEqual({ ok: true, mapping: { kind: 'ratio', time: 0, ratio: 1 } });
    expect(map(['time', 'ratio', 'total', 'ignore'])).toEqual({ ok: true, mapping: { kind: 'ratio', time: 0, ratio: 1, total: 2 } });
    expect(map(['time', 'ignore', 'value', 'ignore'], ' 250.5 ', 'above')).toEqual({
      ok: true,
      mapping: { kind: 'value-threshold', time: 0, value: 2, threshold: 250.5, direction: 'above' },
    });
  });

  it('asks for exactly one time column, naming the columns marked twice', () => {
    expect(map(['ignore', 'good', 'total', 'ignore'])).toEqual({ ok: false, message: 'Mark the column that holds the time: no column is “time” yet.' });
    expect(map(['time', 'good', 'total', 'time'])).toEqual({ ok: false, message: 'Only one column can be the time: “ts” and “note” are all marked “time”.' });
  });

  it('says what is missing from an incomplete set', () => {
    expect(map(['time', 'good', 'ignore', 'ignore'])).toMatchObject({ ok: false, message: expect.stringContaining('A “good” column needs a “total” column') });
    expect(map(['time', 'ignore', 'ignore', 'bad'])).toMatchObject({ ok: false, message: expect.stringContaining('A “bad” column needs a “total” column') });
    expect(map(['time', 'ignore', 'total', 'ignore'])).toMatchObject({ ok: false, message: expect.stringContaining('needs a “good” or a “bad” column') });
    expect(map(['time', 'ignore', 'ignore', 'ignore'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('good and total, bad and total, a ratio'),
    });
    expect(map(['time', 'value', 'ignore', 'ignore'], 'fast')).toMatchObject({ ok: false, message: expect.stringContaining('threshold') });
  });

  it('refuses contradictory roles and names the columns to set to ignore', () => {
    expect(map(['time', 'good', 'total', 'bad'])).toEqual({ ok: false, message: 'Choose “good” or “bad”, not both: “ok” and “note” are both marked.' });
    expect(map(['time', 'good', 'ratio', 'ignore'])).toMatchObject({ ok: false, message: expect.stringContaining('set “ok” to “ignore”') });
    expect(map(['time', 'value', 'total', 'ignore'], '3')).toMatchObject({ ok: false, message: expect.stringContaining('set “all” to “ignore”') });
    expect(map(['time', 'good', 'good', 'total'])).toMatchObject({ ok: false, message: expect.stringContaining('Only one column can be “good”') });
  });

  it('points at the very columns that carry the roles, wherever they are', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }), (order) => {
        const roles: RoleChoice[] = Array.from({ length: 6 }, () => 'ignore');
        const [t, g, n] = order as [number, number, number];
        roles[t] = 'time';
        roles[g] = 'good';
        roles[n] = 'total';
        expect(mappingFromRoles(roles, [], '', 'below')).toEqual({ ok: true, mapping: { kind: 'good-total', time: t, good: g, total: n } });
      }),
    );
  });

  it('describes the mapping in one plain sentence', () => {
    expect(describeMapping({ kind: 'value-threshold', time: 0, value: 2, threshold: 250, direction: 'below' }, labels)).toBe(
      'A sample is good when “all” is at or below 250, timed by “ts”.',
    );
  });
});

describe('the import/file arguments', () => {
  it('send the CSV mapping and the time format, with the abort policy by default', () => {
    const p = preview();
    expect(fileImportArgs(p, initialDraft(p), job)).toEqual({
      ok: true,
      args: {
        sliId: 7,
        path: 'data/history.csv',
        format: 'csv',
        onBadRows: 'abort',
        jobId: 'abc',
        csv: { mapping: { kind: 'good-total', time: 0, good: 1, total: 2 }, timeFormat: 'iso' },
      },
    });
  });

  it('require a time zone when the timestamps carry no offset, and explain why', () => {
    const p = preview({ csv: csv({ needsTimeZone: true }) });
    const draft = initialDraft(p);
    expect(fileImportArgs(p, draft, job)).toEqual({ ok: false, errors: { timeZone: expect.stringContaining('they carry no offset') } });
    expect(fileImportArgs(p, { ...draft, timeZone: 'Mars/Olympus' }, job)).toEqual({
      ok: false,
      errors: { timeZone: expect.stringContaining('Unknown time zone') },
    });
    const ok = fileImportArgs(p, { ...draft, timeZone: ' Europe/Berlin ' }, job);
    expect(ok.ok && ok.args.csv?.timeZone).toBe('Europe/Berlin');
    const epoch = fileImportArgs(p, { ...draft, timeFormat: 'epoch-s' }, job);
    expect(epoch.ok && epoch.args.csv).toEqual({ mapping: { kind: 'good-total', time: 0, good: 1, total: 2 }, timeFormat: 'epoch-s' });
  });

  it('report the mapping and the zone together so both messages show at once', () => {
    const p = preview({ csv: csv({ needsTimeZone: true }) });
    const result = fileImportArgs(p, { ...initialDraft(p), roles: ['time', 'ignore', 'ignore', 'ignore'] }, job);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['mapping', 'timeZone']);
  });

  it('pass the boundary schema of import/file for every format', () => {
    const drafts: [ImportPreview, Partial<ReturnType<typeof initialDraft>>][] = [
      [preview({ csv: csv({ needsTimeZone: true }) }), { timeZone: 'Europe/Berlin' }],
      [
        preview({ csv: csv({ mapping: null, roles: [null, null, null, null] }) }),
        { roles: ['time', 'value', 'ignore', 'ignore'], threshold: '0.5', direction: 'above' },
      ],
      [preview({ format: 'access-log', csv: null }), { durationField: 'seconds', latencyMs: '250' }],
      [preview({ format: 'prometheus-json', csv: null }), { prometheusRatio: true }],
      [preview({ format: 'upptime', csv: null }), { onBadRows: 'skip' }],
    ];
    for (const [p, change] of drafts) {
      const built = fileImportArgs(p, { ...initialDraft(p), ...change }, { ...job, jobId: newJobId() });
      if (!built.ok) throw new Error(JSON.stringify(built.errors));
      expect(contract['import/file'].args.safeParse(built.args).success).toBe(true);
    }
  });

  it('refuse a file the preview could not decode, with its reason', () => {
    const binary = preview({ csv: null, lines: [], issues: [{ severity: 'error', code: 'NOT_UTF8', message: 'Byte 3 is not UTF-8', line: 1 }] });
    expect(fileImportArgs(binary, initialDraft(binary), job)).toEqual({ ok: false, errors: { mapping: 'Byte 3 is not UTF-8' } });
  });

  it('send access-log latency options only as a pair, and the Prometheus ratio flag', () => {
    const log = preview({ format: 'access-log', csv: null });
    const draft = initialDraft(log);
    expect(fileImportArgs(log, draft, job)).toMatchObject({ ok: true, args: { format: 'access-log', accessLog: {} } });
    expect(fileImportArgs(log, { ...draft, latencyMs: '300' }, job)).toMatchObject({ ok: false, errors: { latency: expect.stringContaining('unit') } });
    expect(fileImportArgs(log, { ...draft, durationField: 'seconds' }, job)).toMatchObject({
      ok: false,
      errors: { latency: expect.stringContaining('latency threshold') },
    });
    expect(fileImportArgs(log, { ...draft, durationField: 'microseconds', latencyMs: 'slow' }, job)).toMatchObject({
      ok: false,
      errors: { latency: expect.stringContaining('milliseconds') },
    });
    expect(fileImportArgs(log, { ...draft, durationField: 'microseconds', latencyMs: '300', onBadRows: 'skip' }, job)).toMatchObject({
      ok: true,
      args: { onBadRows: 'skip', accessLog: { durationField: 'microseconds', latencyThresholdMs: 300 } },
    });
    const prom = preview({ format: 'prometheus-json', csv: null });
    expect(fileImportArgs(prom, { ...initialDraft(prom), prometheusRatio: true }, job)).toMatchObject({ ok: true, args: { prometheusRatio: true } });
  });

  it('import a file in the encoding its preview was read in, for every format', () => {
    for (const format of ['csv', 'access-log', 'upptime', 'prometheus-json'] as const) {
      const read = preview({ format, encoding: 'windows-1252', ...(format === 'csv' ? {} : { csv: null }) });
      const args = fileImportArgs(read, initialDraft(read), job);
      expect(args).toMatchObject({ ok: true, args: { encoding: 'windows-1252' } });
      expect(args.ok && contract['import/file'].args.safeParse(args.args).success).toBe(true);
    }
    const plain = fileImportArgs(preview(), initialDraft(preview()), job);
    expect(plain.ok && 'encoding' in plain.args).toBe(false);
    expect(ENCODING_CHOICES.map((choice) => choice.value)).toEqual(['', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be']);
  });

  it('count an access log per minute unless another bucket is chosen, and offer only buckets the importer takes', () => {
    const log = preview({ format: 'access-log', csv: null });
    const draft = initialDraft(log);
    expect(draft.bucketMinutes).toBe(1);
    expect(fileImportArgs(log, draft, job)).toMatchObject({ ok: true, args: { accessLog: { bucketMs: 60_000 } } });
    const five = fileImportArgs(log, { ...draft, bucketMinutes: 5 }, job);
    expect(five).toMatchObject({ ok: true, args: { accessLog: { bucketMs: 300_000 } } });
    if (five.ok) expect(contract['import/file'].args.safeParse(five.args).success).toBe(true);
    expect(BUCKET_CHOICES.map((choice) => choice.minutes)).toEqual([1, 5, 15, 60]);
    for (const choice of BUCKET_CHOICES) {
      const args = fileImportArgs(log, { ...draft, bucketMinutes: choice.minutes }, job);
      expect(args.ok && contract['import/file'].args.safeParse(args.args).success).toBe(true);
    }
  });
});

describe('the progress bar', () => {
  it('reads "Parsing… 12 MB of 40 MB" once bytes are counted', () => {
    expect(progressView({ jobId: 'j', phase: 'parsing', done: 12_000_000, total: 40_000_000 })).toEqual({
      text: 'Parsing… 12 MB of 40 MB',
      value: 12_000_000,
      max: 40_000_000,
    });
  });

  it('is indeterminate when the total is unknown, or when a phase has only reported its start', () => {
    expect(progressView({ jobId: 'j', phase: 'storing', done: 0, total: 0 })).toEqual({ text: 'Storing…', value: null, max: 1 });
    expect(progressView({ jobId: 'j', phase: 'parsing', done: 0, total: 3_400_000 })).toEqual({ text: 'Parsing 3.4 MB…', value: null, max: 3_400_000 });
    expect(progressView({ jobId: 'j', phase: 'storing', done: 0, total: 1_000_000 }).text).toBe('Storing 1,000,000 rows…');
    expect(progressView(null)).toEqual({ text: 'Starting…', value: null, max: 1 });
  });

  it('counts Prometheus queries from the first one', () => {
    expect(progressView({ jobId: 'j', phase: 'querying', done: 0, total: 4 })).toEqual({ text: 'Querying Prometheus… 0 of 4 queries', value: 0, max: 4 });
  });

  it('formats bytes in decimal units', () => {
    expect([0, 950, 1000, 12_345, 3_456_789, 40_000_000_000].map(formatBytes)).toEqual(['0 B', '950 B', '1.0 kB', '12 kB', '3.5 MB', '40 GB']);
  });
});

describe('the result', () => {
  const summary: ImportSummary = {
    status: 'stored',
    importId: 3,
    fileName: 'h.csv',
    format: 'csv',
    accepted: 1440,
    rejected: 0,
    merged: 0,
    issues: [],
    series: [{ name: 'ok', points: 1440, stepMs: 60_000, startMs: Date.UTC(2025, 2, 1), endMs: Date.UTC(2025, 2, 1, 23, 59) }],
  };

  it('lists each series with its points, step and date range in the given zone', () => {
    expect(seriesRows(summary, 'Europe/Berlin')).toEqual([{ name: 'ok', points: '1,440', step: '1 min', range: '2025-03-01 01:00 – 2025-03-02 00:59' }]);
    expect(seriesRows({ ...summary, series: [{ name: 'x', points: 1, stepMs: null, startMs: null, endMs: null }] }, 'UTC')).toEqual([
      { name: 'x', points: '1', step: '—', range: '—' },
    ]);
    expect([15_000, 300_000, 3_600_000, 86_400_000, 1500].map(formatStep)).toEqual(['15 s', '5 min', '1 h', '1 d', '1500 ms']);
  });

  it('shows the first 200 issues and counts the rest', () => {
    const issues = Array.from({ length: 205 }, (_, i) => ({ severity: 'error' as const, code: 'BAD_NUMBER', message: 'x', line: i + 2 }));
    const shown = shownIssues(issues);
    expect([shown.rows.length, shown.rows[0]?.line, shown.more]).toEqual([200, 2, 5]);
  });

  it('says when a duplicate was imported before', () => {
    expect(duplicateText('h.csv', Date.UTC(2025, 10, 22, 9, 40), 'UTC')).toContain('h.csv was already imported into this SLI on 2025-11-22 09:40');
    expect(duplicateText('h.csv', null, 'UTC')).toContain('already imported into this SLI before');
  });

  it('names the problem of a failed channel call', () => {
    expect(errorView({ code: 'INVALID_ARGUMENT', message: 'big', details: { code: 'TOO_LARGE' } })).toEqual({ title: 'File too large', message: 'big' });
    expect(errorView({ code: 'CANCELLED', message: 'nothing stored' }).title).toBe('Import cancelled');
    expect(errorView({ code: 'NOT_FOUND', message: 'no SLI' }).title).toBe('Not found');
    expect(errorView({ code: 'INTERNAL', message: '?' }).title).toBe('Import failed');
  });
});

describe('job ids and time zones', () => {
  it('makes job ids the contract accepts, different each time', () => {
    const ids = Array.from({ length: 50 }, () => newJobId());
    expect(ids.every((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(50);
    expect(newJobId(() => '12345678-aaaa-bbbb-cccc-1234567890ab')).toBe('12345678aaaabbbbcccc1234567890ab');
  });

  it('offers UTC first and once', () => {
    expect(timeZoneChoices(['Europe/Berlin', 'UTC'])).toEqual(['UTC', 'Europe/Berlin']);
    expect(timeZoneChoices().filter((z) => z === 'UTC')).toHaveLength(1);
  });
});

describe('the Prometheus form', () => {
  const now = Date.UTC(2025, 2, 31, 12, 34, 56);
  const draft = { ...initialPromDraft(now, 'Europe/Berlin'), good: 'sum(rate(ok[5m]))', total: 'sum(rate(all[5m]))' };
  const promJob = { sliId: 7, jobId: 'j1', timeZone: 'Europe/Berlin' };

  it('defaults to the last 30 calendar days up to the current minute, keeping the wall-clock time across a DST change', () => {
    expect([draft.start, draft.end, draft.url, draft.stepSeconds]).toEqual(['2025-03-01T14:34', '2025-03-31T14:34', 'http://localhost:9090', 60]);
  });

  it('turns datetime-local values into instants in the user zone, refusing times the DST jump skips', () => {
    expect(localInputToMs('2025-03-31T14:34', 'Europe/Berlin')).toEqual({ ok: true, ms: Date.UTC(2025, 2, 31, 12, 34) });
    expect(localInputToMs('2025-03-30T02:30', 'Europe/Berlin')).toEqual({ ok: false, message: expect.stringContaining('does not exist in Europe/Berlin') });
    expect(localInputToMs('', 'UTC')).toEqual({ ok: false, message: 'Enter a date and time.' });
    expect(localInputToMs('yesterday', 'UTC')).toMatchObject({ ok: false });
  });

  it('shows the same minute after a round trip through the input, in any zone', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constantFrom(...zones), (ms, zone) => {
        const shown = msToLocalInput(ms, zone);
        const back = localInputToMs(shown, zone);
        expect(back.ok && msToLocalInput(back.ms, zone)).toBe(shown);
      }),
    );
  });

  it('builds good/total and error-ratio queries over the chosen range', () => {
    const result = promImportArgs(draft, promJob);
    expect(result).toEqual({
      ok: true,
      args: {
        sliId: 7,
        url: 'http://localhost:9090',
        query: { kind: 'good-total', good: 'sum(rate(ok[5m]))', total: 'sum(rate(all[5m]))' },
        startMs: Date.UTC(2025, 2, 1, 13, 34),
        endMs: Date.UTC(2025, 2, 31, 12, 34),
        stepSeconds: 60,
        onBadRows: 'abort',
        jobId: 'j1',
      },
    });
    expect(promImportArgs({ ...draft, kind: 'error-ratio', errorRatio: ' job:err:ratio ' }, promJob)).toMatchObject({
      ok: true,
      args: { query: { kind: 'error-ratio', errorRatio: 'job:err:ratio' } },
    });
  });

  it('passes the boundary schema of import/prometheus', () => {
    const built = promImportArgs({ ...draft, kind: 'error-ratio', errorRatio: 'x', stepSeconds: 3600 }, { ...promJob, jobId: newJobId() });
    expect(built.ok && contract['import/prometheus'].args.safeParse(built.args).success).toBe(true);
  });

  it('puts each problem beside its field', () => {
    const result = promImportArgs({ ...draft, url: 'localhost', good: ' ', start: draft.end, end: draft.start }, promJob);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['end', 'good', 'url']);
    expect(promImportArgs({ ...draft, kind: 'error-ratio' }, promJob)).toMatchObject({
      ok: false,
      errors: { errorRatio: expect.stringContaining('error ratio') },
    });
    expect(promImportArgs({ ...draft, start: '2023-01-01T00:00', stepSeconds: 15 }, promJob)).toMatchObject({
      ok: false,
      errors: { end: expect.stringContaining('too many points') },
    });
  });

  it('explains that a long range is fetched in pieces below the 11,000-point limit', () => {
    const day = 86_400_000;
    expect(rangeHint(0, 30 * day, 15, 'good-total').text).toBe(
      'That is 172,801 points per series. Prometheus answers at most 11,000 points per query, so the range is fetched in 18 pieces (36 requests) and joined without overlaps.',
    );
    expect(rangeHint(0, day, 60, 'error-ratio').text).toContain('1,441 points per series. It fits in one request per query');
    expect(rangeHint(0, 365 * day, 1, 'error-ratio').tooMany).toBe(true);
  });
});
