import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fromFloatingMs, toFloatingMs, zoneOffsets } from './exclusion-rule';
import { expandExclusions } from './exclusions';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'UTC'];
const MIN = 60_000;
const DAY = 86_400_000;

describe('zoneOffsets', () => {
  it('agrees with luxon at any instant from 1973 on', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1960, 0, 1) / MIN, max: Date.UTC(2040, 0, 1) / MIN }),
        fc.integer({ min: 0, max: MIN - 1 }),
        (zone, minute, ms) => {
          const at = minute * MIN + ms;
          expect(zoneOffsets(zone)(at)).toBe(IANAZone.create(zone).offset(at));
        },
      ),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('agrees with luxon on the minutes around each change of 2027, whichever way the cache was filled', () => {
    for (const zone of ZONES) {
      const luxon = IANAZone.create(zone);
      const offsets = zoneOffsets(zone);
      for (let hour = Date.UTC(2027, 0, 1) / 3_600_000; hour < Date.UTC(2028, 0, 1) / 3_600_000; hour += 6) {
        const ms = hour * 3_600_000;
        if (luxon.offset(ms) === luxon.offset(ms + 6 * 3_600_000)) continue;
        for (let m = 0; m <= 6 * 60; m += 1) expect(offsets(ms + m * MIN + 59_999)).toBe(luxon.offset(ms + m * MIN + 59_999));
      }
    }
  });
});

describe('floating time', () => {
  it('turns a wall-clock time back into the instant it came from, whenever the clocks show it once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 1) / MIN, max: Date.UTC(2035, 0, 1) / MIN }), (zone, minute) => {
        const offsets = zoneOffsets(zone);
        const ms = minute * MIN;
        const back = fromFloatingMs(toFloatingMs(ms, offsets), offsets);
        // A fall-back hour is shown twice; the first showing is the answer then.
        expect(back === ms || (back < ms && toFloatingMs(back, offsets) === toFloatingMs(ms, offsets))).toBe(true);
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('keeps a daily rule at its wall-clock time in any zone, moving only times the clocks skip to just after the jump', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2026, 0, 1) / (15 * MIN), max: Date.UTC(2028, 0, 1) / (15 * MIN) }),
        (zone, quarter) => {
          const startMs = quarter * 15 * MIN;
          const start = DateTime.fromMillis(startMs, { zone });
          const list = [
            {
              id: 1,
              serviceId: 1,
              sliId: null,
              category: 'maintenance' as const,
              reason: 'r',
              startMs,
              durationMinutes: 15,
              rrule: 'FREQ=DAILY',
              timeZone: zone,
            },
          ];
          const got = expandExclusions(list, startMs, startMs + 250 * DAY);
          expect(got.length).toBeGreaterThanOrEqual(249);
          got.forEach((occurrence, k) => {
            const day = start.plus({ days: k });
            const shown = DateTime.fromMillis(occurrence.startMs, { zone });
            expect(shown.toISODate()).toBe(day.toISODate());
            if (shown.hour !== start.hour || shown.minute !== start.minute) {
              // Only a skipped time may move, and only to the same wall-clock time read with the offset before the jump.
              const wanted = Date.UTC(day.year, day.month - 1, day.day, start.hour, start.minute);
              expect(occurrence.startMs).toBe(wanted - IANAZone.create(zone).offset(occurrence.startMs - DAY) * MIN);
              expect(DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: start.hour, minute: start.minute }, { zone }).hour).not.toBe(
                start.hour,
              );
            }
          });
        },
      ),
      { numRuns: 20, seed: 21 },
    );
  });
});
