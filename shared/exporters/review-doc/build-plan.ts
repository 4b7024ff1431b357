// The plan part of a service's review: per SLI what it counts, the tier ladder picture, each tier's budget in minutes
// and bad events (computeLadder: the one copy of the budget formulas) and its burn-rate alerts (alertRows).
import { alertRows, DEFAULT_ALERT_SETS, fitAlertSet, formatBudgetPercent, formatDuration, type AlertWindowSet } from '../../budget/alerts';
import { formatCount, formatMinutes, formatMinutesRange, type WindowMinutes } from '../../budget/budget';
import { formatFactor, formatRatePercent } from '../../budget/downtime';
import { computeLadder } from '../../budget/ladder';
import { PPM_PER_WHOLE } from '../../domain/percent';
import { tierThresholdMs } from '../../domain/tiers';
import { METHOD_LABELS, TIER_LABELS, TIERS, type Service, type Sli } from '../../domain/types';
import { describeWindow } from '../../domain/window';
import { msText, sliceText, targetText, wordingText } from '../../review/describe';
import { alertPeriodOf } from '../openslo/documents';
import type { Block, LadderBar } from './model';

/** A target's nines: 90 % → 1, 99 % → 2, 99.9 % → 3 (the ladder's axis, where each step is ten times less budget). */
export function ninesOf(targetPpm: number): number {
  return -Math.log10(Math.max(1, PPM_PER_WHOLE - targetPpm) / PPM_PER_WHOLE);
}

const budgetText = (range: WindowMinutes) => formatMinutesRange(range);
const eventsText = (range: WindowMinutes | null) =>
  range === null ? '—' : range.min === range.max ? formatCount(range.min) : `${formatCount(range.min)}–${formatCount(range.max)}`;

/** What an SLI counts, in one sentence: "Good: requests under the threshold, of requests; latency threshold 200 ms." */
function countsText(sli: Sli): string {
  const parts = [`${sli.kind} SLI: ${wordingText(sli)}`];
  if (sli.latencyThresholdMs !== null) parts.push(`latency threshold ${msText(sli.latencyThresholdMs)}`);
  if (sli.freshnessMaxAgeMs !== null) parts.push(`data newer than ${formatMinutes(sli.freshnessMaxAgeMs / 60_000)}`);
  return `${parts.join('; ')}.`;
}

function ladderBlock(sli: Sli, service: Service): Block[] {
  const ladder = computeLadder(sli, { requestsPerDay: service.requestsPerDay });
  if (ladder.rungs.length === 0) return [{ kind: 'paragraph', text: 'No tier is set for this SLI yet.' }];
  const bars: LadderBar[] = ladder.rungs.map((r) => ({
    tier: r.tier,
    label: TIER_LABELS[r.tier],
    targetPpm: r.targetPpm,
    text: `${targetText(r.targetPpm)} · budget ${budgetText(r.budgetMinutes)} per window`,
  }));
  const axisNines = Math.max(2, Math.ceil(Math.max(...bars.map((b) => ninesOf(b.targetPpm))) + 0.25));
  const rows = ladder.rungs.map((r) => {
    const o = sli.objectives[r.tier]!;
    const threshold = tierThresholdMs(sli, r.tier);
    const method = o.method === 'occurrences' ? METHOD_LABELS[o.method] : `${METHOD_LABELS[o.method]}, ${sliceText(o.timeslice)}`;
    return [
      TIER_LABELS[r.tier],
      targetText(r.targetPpm),
      describeWindow(o.window),
      method,
      msText(threshold),
      budgetText(r.budgetMinutes),
      eventsText(r.badEvents),
    ];
  });
  const traffic =
    service.requestsPerDay === null
      ? 'Bad events are not counted: the service has no traffic estimate.'
      : `Bad events at ${formatCount(service.requestsPerDay)} requests a day.`;
  const calendar = ladder.rungs.some((r) => r.budgetMinutes.min !== r.budgetMinutes.max) ? ' A calendar window shows its shortest to its longest period.' : '';
  return [
    { kind: 'ladder', caption: `Tier ladder of ${sli.name}`, axisNines, bars },
    {
      kind: 'table',
      columns: [
        { title: 'Tier', weight: 1.3 },
        { title: 'Target', weight: 0.9, align: 'right' },
        { title: 'Window', weight: 1.4 },
        { title: 'Method', weight: 1.4 },
        { title: 'Threshold', weight: 1.1, align: 'right' },
        { title: 'Budget per window', weight: 1.1, align: 'right' },
        { title: 'Bad events per window', weight: 1.2, align: 'right' },
      ],
      rows,
    },
    { kind: 'paragraph', text: `${traffic}${calendar}` },
    ...ladder.warnings.map((w): Block => ({ kind: 'banner', text: w.message })),
  ];
}

function alertBlocks(sli: Sli, customSets: readonly AlertWindowSet[]): Block[] {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const tier of TIERS) {
    const objective = sli.objectives[tier];
    if (!objective) continue;
    const set = fitAlertSet(DEFAULT_ALERT_SETS, alertPeriodOf(objective.window), customSets).set;
    const checked = alertRows(set, objective.targetPpm);
    if (!checked.ok) {
      notes.push(`${TIER_LABELS[tier]}: ${checked.message}`);
      continue;
    }
    notes.push(`${TIER_LABELS[tier]}: alert set "${set.name}".`);
    for (const row of checked.value) {
      rows.push([
        TIER_LABELS[tier],
        `${row.severity} (${row.speed})`,
        `${formatDuration(row.longMinutes)} and ${formatDuration(row.shortMinutes)}`,
        `${formatFactor(row.factor)}×`,
        formatBudgetPercent(row.budgetPercent),
        `${formatRatePercent(row.errorRate)} %`,
        formatMinutes(row.exhaustMinutes),
      ]);
      if (row.warning) notes.push(`${TIER_LABELS[tier]} ${row.severity} (${row.speed}): ${row.warning.message}`);
    }
  }
  if (rows.length === 0)
    return notes.length === 0
      ? []
      : [
          { kind: 'heading', level: 3, text: 'Burn-rate alerts' },
          { kind: 'list', items: notes },
        ];
  return [
    { kind: 'heading', level: 3, text: 'Burn-rate alerts' },
    {
      kind: 'paragraph',
      text: 'Each alert fires when both windows burn the budget faster than its burn rate; page alerts wake someone, ticket alerts wait for working hours.',
    },
    {
      kind: 'table',
      columns: [
        { title: 'Tier', weight: 1.3 },
        { title: 'Alert', weight: 1.2 },
        { title: 'Long and short window', weight: 1.4 },
        { title: 'Burn rate', weight: 0.8, align: 'right' },
        { title: 'Budget spent', weight: 0.9, align: 'right' },
        { title: 'Fires above error rate', weight: 1.1, align: 'right' },
        { title: 'Budget gone in', weight: 1, align: 'right' },
      ],
      rows,
    },
    { kind: 'list', items: notes },
  ];
}

/** Per SLI of the service: what it counts, the ladder picture, the tiers with their budgets, and the alerts. */
export function planBlocks(service: Service, customSets: readonly AlertWindowSet[]): Block[] {
  if (service.slis.length === 0) return [{ kind: 'paragraph', text: `${service.name} has no SLI yet.` }];
  return service.slis.flatMap((sli): Block[] => [
    { kind: 'heading', level: 2, text: `SLI: ${sli.name}` },
    { kind: 'paragraph', text: countsText(sli) },
    ...ladderBlock(sli, service),
    ...alertBlocks(sli, customSets),
  ]);
}
