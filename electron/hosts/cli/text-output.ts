// Human output, rendered from the same JSON model the --json flag prints, so the two can never disagree.
import { formatPpmPercent } from '#shared/domain/percent';
import { formatMinutesRange } from '#shared/budget/budget';
import { TIER_LABELS } from '#shared/domain/types';
import { describeWindow, parseWindowSpec } from '#shared/domain/window';
import type { JsonService, JsonSli, JsonTier } from './json-output';

/** One piece of human output: a row whose cells are aligned with every other row, or a free line. */
export type TextItem = { row: string[] } | { line: string };

/** Formats minutes with at most 4 decimals and no trailing zeros: 43.2, 0.0432, 4320. */
export function formatMinutesValue(minutes: number): string {
  const rounded = Math.round(minutes * 1e4) / 1e4;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * A budget in minutes, "low–high" for calendar windows, with a readable duration beside budgets of an hour or more.
 * A buffer between a rolling and a calendar tier can shrink as the month grows, so the bounds are sorted for display.
 */
export function budgetText(first: number, second: number): string {
  const min = Math.min(first, second);
  const max = Math.max(first, second);
  // "-175.68–-171.36" misreads as a dash; negative ranges (a misordered ladder) spell out "to".
  const separator = min < 0 ? ' to ' : '–';
  const minutes = min === max ? formatMinutesValue(min) : `${formatMinutesValue(min)}${separator}${formatMinutesValue(max)}`;
  const readable = Math.abs(max) >= 60 && min >= 0 ? ` (${formatMinutesRange({ min, max })})` : '';
  return `${minutes} min${readable}`;
}

/** The window of a tier for people: "rolling 30 days", "calendar month (UTC)". */
export function describeTierWindow(tier: JsonTier): string {
  if (tier.window.startsWith('calendar-')) return `calendar ${tier.window.slice('calendar-'.length)} (${tier.timeZone ?? 'UTC'})`;
  const parsed = parseWindowSpec(tier.window);
  return parsed.ok ? describeWindow(parsed.value) : tier.window;
}

/** The method of a tier for people, with its slice: "timeslices (5-min slices ≥ 99 %)", "ratio-timeslices (1-min slices)". */
export function describeTierMethod(tier: JsonTier): string {
  const slice = tier.timeslice;
  if (tier.method === 'occurrences' || !slice) return tier.method;
  return tier.method === 'timeslices'
    ? `timeslices (${slice.sliceMinutes}-min slices ≥ ${formatPpmPercent(slice.sliceTargetPpm)} %)`
    : `${tier.method} (${slice.sliceMinutes}-min slices)`;
}

/** The aligned cells of one tier: where, tier, target, window, method, threshold, budget. */
export function tierCells(where: string, tier: JsonTier): string[] {
  return [
    where,
    TIER_LABELS[tier.tier],
    `${tier.target} %`,
    describeTierWindow(tier),
    describeTierMethod(tier),
    tier.latencyThresholdMs === null ? '' : `≤ ${tier.latencyThresholdMs} ms`,
    `budget ${budgetText(tier.budget.minutesMin, tier.budget.minutesMax)}`,
  ];
}

/** The SLI's tier rows, then its buffers and warnings as indented lines under it. */
export function sliItems(serviceName: string, sli: JsonSli): TextItem[] {
  const where = `${serviceName} / ${sli.name}`;
  if (sli.tiers.length === 0) return [{ line: `${where}  (${sli.kind}, no tiers set)` }];
  const items: TextItem[] = sli.tiers.map((tier) => ({ row: tierCells(where, tier) }));
  for (const b of sli.buffers) {
    items.push({ line: `  buffer ${TIER_LABELS[b.from]} → ${TIER_LABELS[b.to]}: ${b.points} pp, ${budgetText(b.minutesMin, b.minutesMax)}` });
  }
  for (const w of sli.warnings) items.push({ line: `  warning: ${w.message}` });
  return items;
}

/** Every service and SLI of a workspace as text items; a service without SLIs gets a line saying so. */
export function serviceItems(services: JsonService[]): TextItem[] {
  const items: TextItem[] = [];
  for (const service of services) {
    if (service.slis.length === 0) items.push({ line: `${service.name}  (no SLIs)` });
    for (const sli of service.slis) items.push(...sliItems(service.name, sli));
  }
  return items;
}

/** Pads every row's cells to the widest cell of its column (two spaces apart); columns empty in every row are left out. */
export function renderItems(items: TextItem[]): string[] {
  const rows = items.flatMap((item) => ('row' in item ? [item.row] : []));
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) widths.push(Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return items.map((item) => {
    if ('line' in item) return item.line;
    const cells: string[] = [];
    item.row.forEach((cell, c) => {
      const width = widths[c] ?? 0;
      if (width > 0) cells.push(cell + ' '.repeat(width - [...cell].length));
    });
    return cells.join('  ').trimEnd();
  });
}

/** Counts for a one-line summary: "2 services, 3 SLIs, 7 tiers". */
export function summaryLine(services: JsonService[]): string {
  const slis = services.reduce((n, s) => n + s.slis.length, 0);
  const tiers = services.reduce((n, s) => n + s.slis.reduce((m, sli) => m + sli.tiers.length, 0), 0);
  return `${plural(services.length, 'service')}, ${plural(slis, 'SLI')}, ${plural(tiers, 'tier')}`;
}

/** "1 service", "2 services". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
