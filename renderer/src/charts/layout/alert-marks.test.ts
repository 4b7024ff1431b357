import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectedEvent, Firing } from '#shared/analysis/backtest';
import { assignLanes, detectionLabel, eventMarks, firingBars } from './alert-marks';
import { HOUR_MS, MINUTE_MS, timeScale } from './time-layout';

const T0 = Date.UTC(2024, 2, 1);
const view = { startMs: T0, endMs: T0 + 10 * HOUR_MS };
const x = timeScale(view, 100, 1100); // 100 px per hour

const firing = (severity: Firing['severity'], speed: Firing['speed'], firedH: number, resolvedH: number | null): Firing => ({
  severity,
  speed,
  factor: severity === 'page' ? 14.4 : 3,
  shortMinutes: 5,
  longMinutes: 60,
  firedMs: T0 + firedH * HOUR_MS,
  resolvedMs: resolvedH === null ? null : T0 + resolvedH * HOUR_MS,
  peakBurnRate: 21.37,
});

const event = (startH: number, endH: number, delayMin: number | null, share = 0.1): DetectedEvent => ({
  startMs: T0 + startH * HOUR_MS,
  endMs: T0 + endH * HOUR_MS,
  badEvents: 1234,
  budgetShare: share,
  worstSli: 0.9321,
  detectedMs: delayMin === null ? null : T0 + startH * HOUR_MS + delayMin * MINUTE_MS,
  delayMs: delayMin === null ? null : delayMin * MINUTE_MS,
  detectedBy: delayMin === null ? null : 'page',
});

describe('firingBars', () => {
  it('draws a firing from when it fired to when it resolved, in its severity row', () => {
    const [bar] = firingBars([firing('page', 'quick', 2, 3)], view, x, 'severity');
    expect(bar).toMatchObject({ row: 'page', severity: 'page', x: 300, width: 100, open: false });
  });

  it('puts each alert of the set in its own row on the timeline', () => {
    const bars = firingBars([firing('page', 'slow', 1, 2), firing('ticket', 'quick', 3, 4)], view, x, 'alert');
    expect(bars.map((b) => b.row)).toEqual(['page-slow', 'ticket-quick']);
  });

  it('runs a firing that never resolved to the end of the view', () => {
    const [bar] = firingBars([firing('ticket', 'slow', 8, null)], view, x, 'severity');
    expect(bar).toMatchObject({ x: 900, width: 200, open: true });
    expect(bar!.title).toContain('still firing at the end of the history');
  });

  it('clips firings to the view and leaves out the ones outside it', () => {
    const bars = firingBars(
      [firing('page', 'quick', -3, -1), firing('page', 'quick', -1, 1), firing('page', 'quick', 9, 12), firing('page', 'quick', 11, null)],
      view,
      x,
      'severity',
    );
    expect(bars.map((b) => [b.x, b.width])).toEqual([
      [100, 100],
      [1000, 100],
    ]);
  });

  it('keeps a firing of one step visible and inside the plot', () => {
    const [bar] = firingBars([{ ...firing('page', 'quick', 10, 10), firedMs: view.endMs - 1000 }], view, x, 'severity', 3);
    expect(bar!.width).toBe(3);
    expect(bar!.x + bar!.width).toBeCloseTo(1100, 6);
  });

  it('says in its tooltip what fired, when, and how hard it burned', () => {
    const [bar] = firingBars([firing('page', 'quick', 2, 3)], view, x, 'severity');
    expect(bar!.title).toBe('Page quick (14.4× over 1 h and 5 min): fired 1 Mar 2024 02:00 – 03:00 UTC; peak burn rate 21.4×');
  });
});

describe('assignLanes', () => {
  it('puts overlapping labels in different lanes and reuses a lane once there is room', () => {
    expect(
      assignLanes(
        [
          { left: 0, right: 100 },
          { left: 50, right: 150 },
          { left: 120, right: 200 },
        ],
        2,
        8,
      ),
    ).toEqual([0, 1, 0]);
  });

  it('drops a label no lane has room for', () => {
    expect(
      assignLanes(
        [
          { left: 0, right: 100 },
          { left: 10, right: 90 },
          { left: 20, right: 80 },
        ],
        2,
      ),
    ).toEqual([0, 1, null]);
  });

  it('never lets two labels in one lane come closer than the padding', () => {
    const extent = fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 10, max: 200 })).map(([left, w]) => ({ left, right: left + w }));
    fc.assert(
      fc.property(fc.array(extent, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (extents, lanes) => {
        const assigned = assignLanes(extents, lanes, 8);
        for (let i = 0; i < extents.length; i++) {
          for (let j = i + 1; j < extents.length; j++) {
            if (assigned[i] === null || assigned[i] !== assigned[j]) continue;
            const [a, b] = [extents[i]!, extents[j]!];
            expect(a.right + 8 <= b.left || b.right + 8 <= a.left).toBe(true);
          }
        }
      }),
    );
  });
});

describe('detectionLabel', () => {
  it('says how long an event went unnoticed, or that it was missed', () => {
    expect(detectionLabel(event(1, 2, 4))).toBe('detected after 4 min');
    expect(detectionLabel(event(1, 2, 90))).toBe('detected after 1.5 h');
    expect(detectionLabel(event(1, 2, 0))).toBe('detected at once');
    expect(detectionLabel(event(1, 2, null))).toBe('missed');
  });
});

describe('eventMarks', () => {
  it('shades each event over its span with its label centred above', () => {
    const [mark] = eventMarks([event(4, 6, 4)], view, x);
    expect(mark).toMatchObject({ x: 500, width: 200, labelX: 600, lane: 0, detected: true, label: 'detected after 4 min' });
    expect(mark!.title).toContain('1,234 bad events, 10 % of the budget, worst SLI 93.21 %; detected after 4 min by a page');
  });

  it('marks a missed event and says so in its tooltip', () => {
    const [mark] = eventMarks([event(4, 6, null)], view, x);
    expect(mark).toMatchObject({ detected: false, label: 'missed' });
    expect(mark!.title).toContain('missed: no alert fired');
  });

  it('keeps a label at the edge of the plot inside it', () => {
    const [mark] = eventMarks([event(9.9, 12, 4)], view, x);
    expect(mark!.labelX + (mark!.label.length * 7.8) / 2).toBeLessThanOrEqual(1100 + 1e-9);
  });

  it('moves the labels of close events to another lane, the larger event keeping the first', () => {
    const marks = eventMarks([event(5, 5.2, 10, 0.4), event(5.3, 5.5, null, 0.05), event(5.6, 5.8, 3, 0.02)], view, x, 2);
    expect(marks.map((m) => m.lane)).toEqual([0, 1, null]);
  });

  it('leaves out events outside the view', () => {
    expect(eventMarks([event(-3, -1, 2), event(11, 12, 2)], view, x)).toEqual([]);
  });
});
