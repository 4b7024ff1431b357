import { describe, expect, it } from 'vitest';
import { parseAccessLog } from './access-log';

/** One Combined Log Format request at 10:mm:ss UTC on 17 May 2015 with status 200, ending with its duration (Apache %D, µs). */
const request = (mm: number, ss: number, micros: number) =>
  `83.149.9.216 - - [17/May/2015:10:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')} +0000] "GET / HTTP/1.1" 200 203 "-" "curl" ${micros}`;

const LOG = [
  request(5, 1, 120_000),
  request(5, 9, 150_000),
  request(5, 30, 160_000),
  request(5, 59, 175_000),
  request(5, 59, 900_000),
  request(6, 0, 200_000),
  request(6, 40, 80_000),
].join('\n');

describe('an access log with durations, for a latency SLI', () => {
  it("counts each minute's requests at or under every tier threshold and the fixed grid, exactly", () => {
    const r = parseAccessLog(LOG, { durationField: 'microseconds', latencyBoundsMs: [175, 150] });
    expect(r).toMatchObject({ accepted: 7, rejected: 0 });
    const latency = r.series.find((s) => s.name === 'latency')!;
    expect([...latency.t]).toEqual([Date.UTC(2015, 4, 17, 10, 6), Date.UTC(2015, 4, 17, 10, 7)]);
    expect([...latency.total]).toEqual([5, 2]);
    const counts = latency.latency;
    if (counts?.kind !== 'counts') throw new Error(`expected per-bound counts, got ${counts?.kind}`);
    expect(counts.unit).toBe('us');
    const at = (ms: number) => [...counts.atOrBelow[counts.boundsMs.indexOf(ms)]!];
    expect(at(150)).toEqual([2, 1]);
    expect(at(175)).toEqual([4, 1]);
    expect(at(200)).toEqual([4, 2]);
    expect(at(1000)).toEqual([5, 2]);
    // No single threshold was given: good is judged later, per tier, from the counts.
    expect([...latency.good]).toEqual([5, 2]);
  });

  it('still judges the one threshold given, as before, and keeps the counts beside it', () => {
    const r = parseAccessLog(LOG, { durationField: 'microseconds', latencyThresholdMs: 160 });
    const latency = r.series.find((s) => s.name === 'latency')!;
    expect([...latency.good]).toEqual([3, 1]);
    expect(latency.latency).toMatchObject({ kind: 'counts' });
    expect((latency.latency as { boundsMs: number[] }).boundsMs).toContain(160);
  });
});
