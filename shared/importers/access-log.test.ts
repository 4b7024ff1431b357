import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AVAILABILITY_SERIES, detectAccessLog, LATENCY_SERIES, parseAccessLog, parseLogTimestamp } from './access-log';

const ACCESS_LOG = new URL('../../fixtures/histories/access.log', import.meta.url);
const RUNS = { numRuns: 250, seed: 20_150_517 };
const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);

describe('access log importer', () => {
  it('counts every request of the fixture log once, with 5xx as bad, per UTC minute, the empty minutes included', () => {
    const text = readFileSync(ACCESS_LOG, 'utf8');
    // Independent counts over the raw text: non-empty lines, and lines whose status (after the quoted request) is 5xx.
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const fiveXx = (text.match(/^[^\n]*\] "(?:[^"\\]|\\.)*" 5\d\d /gm) ?? []).length;
    expect([lines.length, fiveXx]).toEqual([1191, 4]);
    expect(detectAccessLog(text)).toBe(true);
    const result = parseAccessLog(text);
    // One line ends inside its user agent (no closing quote): its request still counts, with a warning naming the line.
    const cutOff = lines.findIndex((line) => !line.endsWith('"')) + 1;
    expect(cutOff).toBe(700);
    expect(result.issues.map((issue) => [issue.severity, issue.code, issue.line])).toEqual([['warning', 'MALFORMED_TAIL', cutOff]]);
    expect([result.accepted, result.rejected]).toEqual([lines.length, 0]);
    expect(result.series).toHaveLength(1);
    const series = result.series[0]!;
    expect(series.name).toBe(AVAILABILITY_SERIES);
    expect(sum(series.total)).toBe(lines.length);
    expect(sum(series.total) - sum(series.good)).toBe(fiveXx);
    // Requests come in one minute of every quarter hour (336 distinct minutes): every minute from the first request's to
    // the last one's is a sample, the ones without requests empty, and the step is the one-minute bucket.
    const busy = new Set(text.match(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d/g)).size;
    expect(busy).toBe(84 * 4);
    expect(series.t.length).toBe((Date.UTC(2026, 2, 5, 17, 46) - Date.UTC(2026, 2, 2, 6, 1)) / 60_000 + 1);
    expect(series.total.filter((total) => total > 0).length).toBe(busy);
    expect(series.stepMs).toBe(60_000);
    for (let i = 1; i < series.t.length; i++) expect(series.t[i]! - series.t[i - 1]!).toBe(60_000);
    // The first request came at 06:00:08; its minute's sample stands for (06:00, 06:01] and is stamped at its end.
    expect(series.t[0]).toBe(Date.UTC(2026, 2, 2, 6, 1));
  });

  describe('buckets requests by a stated interval, never by a step inferred from the gaps between them', () => {
    // Two requests at hh:05:34 and hh:05:40 in each hour 00–05; the one at 03:05:34 is a 500.
    const hourly = [0, 1, 2, 3, 4, 5]
      .flatMap((h) =>
        [34, 40].map((s) => {
          const status = h === 3 && s === 34 ? 500 : 200;
          return `1.2.3.4 - - [17/May/2015:0${h}:05:${s} +0000] "GET / HTTP/1.1" ${status} 12`;
        }),
      )
      .join('\n');

    it('puts a 500 logged at 03:05:34 in the 03:05–03:06 minute, stamped 03:06, with a one-minute step', () => {
      const series = parseAccessLog(hourly).series[0]!;
      expect(series.stepMs).toBe(60_000);
      // One sample per minute from 00:06 to 05:06; the minutes without requests are empty (total 0), not skipped.
      expect(series.t.length).toBe(5 * 60 + 1);
      series.t.forEach((t, i) => expect(t).toBe(Date.UTC(2015, 4, 17, 0, 6 + i)));
      const busy = [...series.t].filter((_, i) => series.total[i]! > 0);
      expect(busy).toEqual([0, 1, 2, 3, 4, 5].map((h) => Date.UTC(2015, 4, 17, h, 6)));
      const at = series.t.indexOf(Date.UTC(2015, 4, 17, 3, 6));
      expect([series.good[at], series.total[at]]).toEqual([1, 2]);
      expect(sum(series.total) - sum(series.good)).toBe(1);
    });

    it('refuses a log whose buckets from first to last request exceed the points limit, before making them', () => {
      const far = ['01/Jan/2015:00:00:00 +0000', '01/Jan/2016:00:00:00 +0000'].map((stamp) => `1.2.3.4 - - [${stamp}] "GET / HTTP/1.1" 200 1`).join('\n');
      const limits = { maxBytes: 1 << 20, maxRows: 100_000, maxFieldLength: 1000, maxDepth: 64 };
      const refused = parseAccessLog(far, { limits });
      expect(refused.series).toEqual([]);
      expect(refused.issues).toEqual([
        {
          severity: 'error',
          code: 'TOO_MANY_POINTS',
          message:
            'The log runs from 2015-01-01 00:00 to 2016-01-01 00:00: 525601 buckets of 1m, more than the limit of 100000 points per import; choose a bucket of 6m or longer',
        },
      ]);
      expect(parseAccessLog(far, { limits, bucketMs: 86_400_000 }).series[0]!.t.length).toBe(366);
    });

    it('uses a five-minute bucket when asked: the 500 falls in 03:05–03:10, stamped 03:10', () => {
      const series = parseAccessLog(hourly, { bucketMs: 300_000 }).series[0]!;
      expect(series.stepMs).toBe(300_000);
      expect(series.t.length).toBe(5 * 12 + 1);
      const at = series.t.indexOf(Date.UTC(2015, 4, 17, 3, 10));
      expect([series.good[at], series.total[at]]).toEqual([1, 2]);
    });

    it('refuses a bucket that is not a whole number of minutes dividing a day', () => {
      for (const bucketMs of [0, 30_000, 7 * 60_000, 90_000, 2 * 86_400_000, Number.NaN]) {
        const result = parseAccessLog(hourly, { bucketMs });
        expect(result.series).toEqual([]);
        expect(result.issues.map((issue) => issue.code)).toEqual(['BAD_OPTION']);
      }
    });
  });

  it('refuses a year outside 1970–2200 naming the line, a two-digit year written 0015 included (never read as 1915)', () => {
    const line = (stamp: string): string => `1.2.3.4 - - [${stamp}] "GET / HTTP/1.1" 200 12`;
    const text = ['17/May/0015:10:05:03 +0000', '17/May/1815:10:05:03 +0000', '01/Jan/2200:00:00:00 +0000', '31/Dec/2199:23:58:59 +0000'].map(line).join('\n');
    const result = parseAccessLog(text);
    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'TIME_OUT_OF_RANGE',
        line: 1,
        column: 14,
        message:
          '"17/May/0015:10:05:03 +0000": the time 0015-05-17T10:05:03.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC); is 0015 a two-digit year?',
      },
      {
        severity: 'error',
        code: 'TIME_OUT_OF_RANGE',
        line: 2,
        column: 14,
        message: '"17/May/1815:10:05:03 +0000": the time 1815-05-17T10:05:03.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
      },
      {
        severity: 'error',
        code: 'TIME_OUT_OF_RANGE',
        line: 3,
        column: 14,
        message: '"01/Jan/2200:00:00:00 +0000": the time 2200-01-01T00:00:00.000Z is outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC)',
      },
    ]);
    expect([result.accepted, result.rejected]).toEqual([1, 3]);
    expect(new Date(parseLogTimestamp('17/May/0015:10:05:03 +0000')!).getUTCFullYear()).toBe(15);
  });

  it('refuses a request whose bucket would end after 2200-01-01, the first time refused, naming the line', () => {
    const text = '1.2.3.4 - - [30/Dec/2199:12:00:00 +0000] "GET / HTTP/1.1" 200 1\n1.2.3.4 - - [31/Dec/2199:12:00:00 +0000] "GET / HTTP/1.1" 200 1\n';
    const daily = parseAccessLog(text, { bucketMs: 86_400_000 });
    expect(daily.issues).toEqual([
      {
        severity: 'error',
        code: 'TIME_OUT_OF_RANGE',
        line: 2,
        message:
          "The request's bucket of 1d would end at 2200-01-01T00:00:00.000Z, outside the plausible span of sample times (1970-01-01 to 2200-01-01 UTC); choose a shorter bucket",
      },
    ]);
    expect([daily.accepted, daily.rejected, [...daily.series[0]!.t]]).toEqual([1, 1, [Date.UTC(2199, 11, 31)]]);
    expect(parseAccessLog(text).issues).toEqual([]);
    // A minute's bucket of 23:59 ends at 2200-01-01 too.
    expect(parseAccessLog('1.2.3.4 - - [31/Dec/2199:23:59:59 +0000] "GET / HTTP/1.1" 200 1\n').issues.map((issue) => issue.code)).toEqual([
      'TIME_OUT_OF_RANGE',
    ]);
  });

  it('parses log timestamps strictly, with their offset', () => {
    expect(parseLogTimestamp('17/May/2015:10:05:03 +0000')).toBe(Date.UTC(2015, 4, 17, 10, 5, 3));
    expect(parseLogTimestamp('17/May/2015:12:05:03 +0200')).toBe(Date.UTC(2015, 4, 17, 10, 5, 3));
    expect(parseLogTimestamp('17/May/2015:05:35:03 -0430')).toBe(Date.UTC(2015, 4, 17, 10, 5, 3));
    for (const bad of [
      '31/Feb/2015:10:05:03 +0000',
      '17/may/2015:10:05:03 +0000',
      '17/May/2015:24:00:00 +0000',
      '17/May/2015:10:05:03',
      '17/May/2015:10:05:03 +0075',
      '2015-05-17T10:05:03Z',
    ]) {
      expect(parseLogTimestamp(bad)).toBeNull();
    }
  });

  it('reports malformed lines with their line number and keeps reading', () => {
    const text = [
      '1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12',
      'garbage',
      '1.2.3.4 - - [31/Feb/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12',
      '1.2.3.4 - - [17/May/2015:10:05:59 +0000] "GET /x HTTP/1.1" 503 - "-" "curl/8"',
      '1.2.3.4 - - [17/May/2015:10:06:00 +0000] "GET / HTTP/1.1" 700 1',
    ].join('\r\n');
    const result = parseAccessLog(text);
    expect(result.accepted).toBe(2);
    expect(result.rejected).toBe(3);
    expect(result.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ['BAD_LINE', 2],
      ['BAD_LINE', 3],
      ['BAD_LINE', 5],
    ]);
    expect(result.issues[1]!.column).toBe(14);
    const series = result.series[0]!;
    expect([...series.t]).toEqual([Date.UTC(2015, 4, 17, 10, 6)]);
    expect([...series.good]).toEqual([1]);
    expect([...series.total]).toEqual([2]);
  });

  it('adds a latency series from %D microseconds or nginx $request_time seconds when a threshold is given', () => {
    const apache = [
      '1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12 "-" "ua" 250000',
      '1.2.3.4 - - [17/May/2015:10:05:04 +0000] "GET / HTTP/1.1" 200 12 "-" "ua" 300001',
    ].join('\n');
    const result = parseAccessLog(apache, { durationField: 'microseconds', latencyThresholdMs: 300 });
    expect(result.series.map((s) => s.name)).toEqual([AVAILABILITY_SERIES, LATENCY_SERIES]);
    expect([...result.series[1]!.good]).toEqual([1]);
    expect([...result.series[1]!.total]).toEqual([2]);
    const nginx = '1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12 "-" "ua" 0.300\n';
    expect([...parseAccessLog(nginx, { durationField: 'seconds', latencyThresholdMs: 300 }).series[1]!.good]).toEqual([1]);
    expect(parseAccessLog(nginx, { durationField: 'seconds' }).series).toHaveLength(1);
    const missing = parseAccessLog('1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12 "-" "ua" 0x10\n', {
      durationField: 'seconds',
      latencyThresholdMs: 300,
    });
    expect(missing.issues[0]!.code).toBe('BAD_LINE');
  });

  it('enforces size, row and line-length limits with their own codes', () => {
    const line = '1.2.3.4 - - [17/May/2015:10:05:03 +0000] "GET / HTTP/1.1" 200 12\n';
    const limits = { maxBytes: 1000, maxRows: 2, maxFieldLength: 100, maxDepth: 64 };
    expect(parseAccessLog(line.repeat(20), { limits }).issues[0]!.code).toBe('TOO_LARGE');
    expect(parseAccessLog(line.repeat(3), { limits }).issues.map((i) => i.code)).toEqual(['TOO_MANY_ROWS']);
    expect(parseAccessLog(`${'x'.repeat(200)}\n`, { limits }).issues[0]!.code).toBe('FIELD_TOO_LONG');
  });

  it('never loses a request when bucketing random logs', () => {
    const request = fc.record({
      ms: fc.integer({ min: 0, max: 3 * 86_400_000 }),
      status: fc.integer({ min: 100, max: 599 }),
      offsetMinutes: fc.integer({ min: -12 * 60, max: 14 * 60 }),
      broken: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 60 }), (requests) => {
        const base = Date.UTC(2024, 2, 30);
        const lines = requests.map(({ ms, status, offsetMinutes, broken }) => {
          if (broken) return `host - - [not a time] "GET / HTTP/1.1" ${status} 1`;
          const local = new Date(base + ms + offsetMinutes * 60_000);
          const pad = (n: number): string => String(n).padStart(2, '0');
          const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][local.getUTCMonth()]!;
          const off = Math.abs(offsetMinutes);
          const stamp = `${pad(local.getUTCDate())}/${month}/${local.getUTCFullYear()}:${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
          return `host - - [${stamp}] "GET / HTTP/1.1" ${status} 1`;
        });
        const result = parseAccessLog(lines.join('\n'));
        const valid = requests.filter((r) => !r.broken);
        expect(result.accepted).toBe(valid.length);
        expect(result.rejected).toBe(requests.length - valid.length);
        const series = result.series[0];
        expect(series === undefined ? 0 : sum(series.total)).toBe(valid.length);
        expect(series === undefined ? 0 : sum(series.good)).toBe(valid.filter((r) => r.status < 500).length);
        // Each minute's sample is stamped at the minute's end, every minute from the first request's to the last one's.
        const minutes = valid.map((r) => Math.floor((base + r.ms) / 60_000) * 60_000 + 60_000);
        if (series === undefined) return;
        const first = Math.min(...minutes);
        expect([...series.t]).toEqual(Array.from({ length: (Math.max(...minutes) - first) / 60_000 + 1 }, (_, i) => first + i * 60_000));
        for (const minute of new Set(minutes)) expect(series.total[(minute - first) / 60_000]).toBe(minutes.filter((m) => m === minute).length);
      }),
      RUNS,
    );
  });
});
