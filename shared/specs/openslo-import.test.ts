import { describe, expect, it } from 'vitest';
import type { ImportNote } from './imported';
import { parseOpenSlo } from './openslo';
import { openSloImport } from './openslo-import';

const read = (text: string, file = 'specs.yaml') => {
  const parsed = parseOpenSlo(text, file);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return openSloImport([{ file, objects: parsed.objects }]);
};

const brief = (notes: ImportNote[]) => notes.map((n) => `${n.document} | ${n.field} | ${n.message}`);

const ratioSli = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-requests
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))
    total:
      metricSource:
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total[{{.window}}]))
`;

const slo = (objectives: string, rest = 'timeWindow:\n    - duration: 28d\n      isRolling: true\n  budgetingMethod: Occurrences') => `---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  service: checkout
  indicatorRef: checkout-requests
  ${rest}
  objectives:
${objectives}`;

describe('the OpenSLO import', () => {
  it("maps another tool's objectives named SLA, SLO and performance target to those tiers, with the SLI's queries", () => {
    const result = read(
      ratioSli +
        slo(
          '    - displayName: SLO\n      target: 0.999\n    - displayName: SLA\n      target: 0.995\n    - displayName: performance target\n      targetPercent: 99.95\n',
        ),
    );
    const sli = result.services[0]!.slis[0]!;
    expect(result.services.map((s) => s.name)).toEqual(['checkout']);
    expect(sli.name).toBe('Checkout availability');
    expect(sli.queries).toEqual({
      form: 'good-total',
      good: 'sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))',
      total: 'sum(rate(http_requests_total[{{.window}}]))',
    });
    expect(Object.entries(sli.objectives).map(([tier, o]) => [tier, o.targetPpm, o.window])).toEqual([
      ['sla', 995_000, { kind: 'rolling', days: 28 }],
      ['slo', 999_000, { kind: 'rolling', days: 28 }],
      ['target', 999_500, { kind: 'rolling', days: 28 }],
    ]);
    expect(brief(result.notes)).toEqual([
      'SLO checkout-availability | SLI checkout-requests spec | says nothing of the kind of SLI: it is imported as a custom SLI of good events out of events; set its kind and wording',
    ]);
  });

  it('takes three unnamed objectives by rising target as SLA, SLO and performance target, and says so', () => {
    const result = read(ratioSli + slo('    - target: 0.999\n    - target: 0.99\n    - target: 0.9995\n'));
    expect(Object.entries(result.services[0]!.slis[0]!.objectives).map(([t, o]) => [t, o.targetPpm])).toEqual([
      ['sla', 990_000],
      ['slo', 999_000],
      ['target', 999_500],
    ]);
    expect(result.notes.map((n) => n.field)).toContain('spec.objectives');
  });

  it('refuses two unnamed objectives instead of guessing which tiers they are', () => {
    const result = read(ratioSli + slo('    - target: 0.999\n    - target: 0.99\n'));
    expect(result.services).toEqual([]);
    expect(brief(result.notes).at(-1)).toBe(
      'SLO checkout-availability | spec.objectives | cannot be told apart: 2 objectives without tier names (give each the displayName SLA, SLO or performance target), so this SLO is not imported',
    );
  });

  it('reads a calendar month in Etc/UTC as the calendar month in UTC, and says when its start is not the start of a month', () => {
    const calendar = (start: string) =>
      `timeWindow:\n    - duration: 1M\n      calendar:\n        startTime: "${start}"\n        timeZone: Etc/UTC\n      isRolling: false\n  budgetingMethod: Timeslices`;
    const objective = '    - displayName: SLO\n      target: 0.99\n      timeSliceTarget: 0.9\n      timeSliceWindow: 5m\n';
    const aligned = read(ratioSli + slo(objective, calendar('2024-03-01 00:00:00')));
    expect(aligned.services[0]!.slis[0]!.objectives.slo).toEqual({
      tier: 'slo',
      targetPpm: 990_000,
      window: { kind: 'calendar', unit: 'month', timeZone: 'UTC' },
      method: 'timeslices',
      timeslice: { sliceMinutes: 5, sliceTargetPpm: 900_000 },
      latencyThresholdMs: null,
    });
    const shifted = read(ratioSli + slo(objective, calendar('2024-03-15 00:00:00')));
    expect(brief(shifted.notes)).toContain(
      "SLO checkout-availability | spec.timeWindow[0].calendar.startTime | 2024-03-15 00:00:00 does not start a calendar month: the workbench's calendar months start at the month's first moment (weeks on Monday), so the periods shift",
    );
  });

  it('refuses an SLO whose indicator is in none of the files, or whose window the workbench has no match for', () => {
    expect(brief(read(slo('    - displayName: SLO\n      target: 0.99\n')).notes)).toEqual([
      'SLO checkout-availability | spec.indicatorRef | names the SLI checkout-requests, which none of the files defines: this SLO is not imported',
    ]);
    const hours = read(
      ratioSli + slo('    - displayName: SLO\n      target: 0.99\n', 'timeWindow:\n    - duration: 36h\n      isRolling: true\n  budgetingMethod: Occurrences'),
    );
    expect(brief(hours.notes).at(-1)).toBe(
      "SLO checkout-availability | spec.timeWindow[0].duration | 36h: the workbench's rolling windows are whole days from 1 to 366, so this SLO is not imported",
    );
  });

  it("reads a raw success ratio as the error ratio 1 − it, and keeps no query that lacks Sloth's {{.window}}", () => {
    const raw = ratioSli.replace(
      /ratioMetric:[\s\S]*$/,
      'ratioMetric:\n    rawType: success\n    raw:\n      metricSource:\n        type: Prometheus\n        spec:\n          query: avg_over_time(up[{{.window}}])\n',
    );
    expect(read(raw + slo('    - displayName: SLO\n      target: 0.99\n')).services[0]!.slis[0]!.queries).toEqual({
      form: 'error-ratio',
      errorRatio: '1 - (avg_over_time(up[{{.window}}]))',
    });
    const fixed = read(ratioSli.replaceAll('[{{.window}}]', '[5m]') + slo('    - displayName: SLO\n      target: 0.99\n'));
    expect(fixed.services[0]!.slis[0]!.queries).toBeNull();
    expect(fixed.notes[0]!.message).toMatch(/^The good query must use \{\{\.window\}\}/);
  });

  it('reads a v1alpha ratio SLO with one pair of queries, and refuses v1alpha time slices, which have no slice length', () => {
    const v1alpha = (method: string) => `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: web-availability
spec:
  service: web
  budgetingMethod: ${method}
  timeWindows:
    - unit: Week
      count: 1
      isRolling: true
  objectives:
    - displayName: SLO
      value: 1
      target: 0.98
      ${method === 'Timeslices' ? 'timeSliceTarget: 0.9\n      ' : ''}ratioMetrics:
        good: { source: prometheus, queryType: promql, query: 'sum(rate(ok_total[{{.window}}]))' }
        total: { source: prometheus, queryType: promql, query: 'sum(rate(all_total[{{.window}}]))' }
`;
    const sli = read(v1alpha('Occurrences')).services[0]!.slis[0]!;
    expect([sli.name, sli.kind, sli.queries?.form, sli.objectives.slo?.window, sli.objectives.slo?.targetPpm]).toEqual([
      'web-availability',
      'custom',
      'good-total',
      { kind: 'rolling', days: 7 },
      980_000,
    ]);
    expect(brief(read(v1alpha('Timeslices')).notes)).toEqual([
      'SLO web-availability | spec.budgetingMethod | is Timeslices, but v1alpha has no slice length and the workbench will not guess one: this SLO is not imported',
    ]);
  });

  it('notes every object it does not carry: data sources, alerting objects and SLIs no SLO uses', () => {
    const result = read(`apiVersion: openslo/v1
kind: DataSource
metadata: { name: prom }
spec: { type: Prometheus, connectionDetails: { url: 'http://prometheus:9090' } }
---
${ratioSli}---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata: { name: on-call }
spec: { target: email }
`);
    expect(brief(result.notes)).toEqual([
      'DataSource prom |  | is not carried: the workbench keeps no data sources',
      'AlertNotificationTarget on-call |  | is not carried: the workbench keeps no notification targets',
      'SLI checkout-requests |  | is used by no SLO of these files: it has no tiers, so nothing of it is imported',
    ]);
  });
});
