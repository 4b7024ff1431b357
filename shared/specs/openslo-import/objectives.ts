// An OpenSLO SLO's window, budgeting method and objectives as workbench tiers. Our own annotations name each
// objective's tier; otherwise the displayNames SLA, SLO and performance target do; otherwise one objective is the SLO
// and three with rising targets are SLA, SLO and performance target. Anything else is ambiguous and refused.
import { OPENSLO_ANNOTATIONS as A, OPENSLO_UTC_ZONE, openSloTierThresholdAnnotation } from '../../exporters/names';
import { checkTargetPpm, PPM_PER_WHOLE } from '../../domain/percent';
import { TIER_LABELS, TIERS, type BudgetingMethod, type CalendarUnit, type Objective, type SloWindow, type Tier } from '../../domain/types';
import { checkSliceMinutes, checkWindowDays } from '../../domain/validation';
import { DEFAULT_TIMESLICE } from '../../domain/types';
import { DateTime } from 'luxon';
import { annotation, wholeNumber, type At, type Notes } from './context';

/** One objective as both versions read it. */
export type ObjectiveSpec = {
  displayName?: string;
  target?: number;
  targetPercent?: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string;
  op?: string;
  value?: number;
};

const METHODS: Record<string, BudgetingMethod> = { Occurrences: 'occurrences', Timeslices: 'timeslices', RatioTimeslices: 'ratio-timeslices' };

const CALENDAR: Record<string, CalendarUnit> = { '1w': 'week', '1M': 'month', '1Q': 'quarter', '1Y': 'year' };

/** A duration shorthand in minutes (m, h, d, w), or null for months, quarters and years. */
export function shorthandMinutes(text: string): number | null {
  const m = /^(\d+)([mhdw])$/.exec(text);
  return m ? Number(m[1]) * { m: 1, h: 60, d: 1440, w: 10080 }[m[2] as 'm' | 'h' | 'd' | 'w'] : null;
}

/** The workbench zone of an OpenSLO time zone: Etc/UTC, as the exporter writes UTC, is UTC. */
const zoneOf = (zone: string) => (zone === OPENSLO_UTC_ZONE ? 'UTC' : zone);

function calendarWindow(unit: CalendarUnit, startTime: string, timeZone: string, field: string, at: At, notes: Notes): SloWindow {
  const zone = zoneOf(timeZone);
  const start = DateTime.fromFormat(startTime, 'yyyy-MM-dd HH:mm:ss', { zone });
  if (!start.isValid || !start.equals(start.startOf(unit))) {
    notes.add(
      at,
      `${field}.calendar.startTime`,
      `${startTime} does not start a calendar ${unit}: the workbench's calendar ${unit}s start at the ${unit}'s first moment (weeks on Monday), so the periods shift`,
    );
  }
  return { kind: 'calendar', unit, timeZone: zone };
}

/** A v1 time window as a workbench window, or null (noted) when the workbench has none like it. */
export function v1Window(
  window: { duration: string; isRolling?: boolean; calendar?: { startTime: string; timeZone: string } } | undefined,
  field: string,
  at: At,
  notes: Notes,
): SloWindow | null {
  if (!window) {
    notes.add(at, field, 'is missing: the workbench needs a window for each tier, so this SLO is not imported');
    return null;
  }
  if (window.isRolling === true) {
    const minutes = shorthandMinutes(window.duration);
    const days = minutes !== null && minutes % 1440 === 0 ? checkWindowDays(minutes / 1440) : null;
    if (days?.ok) return { kind: 'rolling', days: days.value };
    notes.add(at, `${field}.duration`, `${window.duration}: the workbench's rolling windows are whole days from 1 to 366, so this SLO is not imported`);
    return null;
  }
  const unit = CALENDAR[window.duration];
  if (!unit || !window.calendar) {
    notes.add(
      at,
      `${field}.duration`,
      `${window.duration}: the workbench's calendar windows are one week, month, quarter or year (1w, 1M, 1Q, 1Y), so this SLO is not imported`,
    );
    return null;
  }
  return calendarWindow(unit, window.calendar.startTime, window.calendar.timeZone, field, at, notes);
}

const V1ALPHA_CALENDAR: Record<string, CalendarUnit> = { Week: 'week', Month: 'month', Quarter: 'quarter' };
const V1ALPHA_DAYS: Record<string, number> = { Day: 1, Week: 7, Second: 1 / 86_400 };

/** A v1alpha time window (count and unit) as a workbench window, or null (noted). */
export function v1alphaWindow(
  window: { unit: string; count: number; isRolling?: boolean; calendar?: { startTime: string; timeZone: string } },
  field: string,
  at: At,
  notes: Notes,
): SloWindow | null {
  if (window.isRolling === true) {
    const days = window.count * (V1ALPHA_DAYS[window.unit] ?? NaN);
    const checked = Number.isInteger(days) ? checkWindowDays(days) : null;
    if (checked?.ok) return { kind: 'rolling', days: checked.value };
    notes.add(at, field, `${window.count} ${window.unit}: the workbench's rolling windows are whole days from 1 to 366, so this SLO is not imported`);
    return null;
  }
  const unit = V1ALPHA_CALENDAR[window.unit];
  if (!unit || window.count !== 1 || !window.calendar) {
    notes.add(
      at,
      field,
      `${window.count} ${window.unit}: the workbench's calendar windows are one week, month or quarter (or year), so this SLO is not imported`,
    );
    return null;
  }
  return calendarWindow(unit, window.calendar.startTime, window.calendar.timeZone, field, at, notes);
}

/** A budgeting method of either version. */
export function methodOf(text: string): BudgetingMethod {
  return METHODS[text]!;
}

const BY_LABEL: Record<string, Tier> = { sla: 'sla', slo: 'slo', 'performance target': 'target', target: 'target' };

/** The tier of each objective, in order, or null (noted) when they cannot be told apart. */
export function tiersOf(objectives: readonly ObjectiveSpec[], annotations: Record<string, string> | undefined, at: At, notes: Notes): Tier[] | null {
  const listed = annotation(annotations, A.tiers)?.split(',');
  if (listed && listed.length === objectives.length && listed.every((t) => (TIERS as readonly string[]).includes(t)) && new Set(listed).size === listed.length)
    return listed as Tier[];
  const named = objectives.map((o) => BY_LABEL[(o.displayName ?? '').trim().toLowerCase()]);
  if (named.every((t) => t !== undefined) && new Set(named).size === named.length) return named as Tier[];
  const targets = objectives.map((o) => o.target ?? (o.targetPercent ?? NaN) / 100);
  if (objectives.length === 1) {
    notes.add(
      at,
      'spec.objectives[0].displayName',
      `does not name a tier (${TIERS.map((t) => TIER_LABELS[t]).join(', ')}): the one objective is imported as the SLO`,
    );
    return ['slo'];
  }
  const rising = [...targets].sort((a, b) => a - b);
  if (objectives.length === 3 && new Set(targets).size === 3 && targets.every((t) => !Number.isNaN(t))) {
    notes.add(
      at,
      'spec.objectives',
      'do not name their tiers: the three objectives are imported by target as SLA (loosest), SLO and performance target (tightest)',
    );
    return targets.map((t) => TIERS[rising.indexOf(t)]!);
  }
  notes.add(
    at,
    'spec.objectives',
    `cannot be told apart: ${objectives.length} objectives without tier names (give each the displayName SLA, SLO or performance target), so this SLO is not imported`,
  );
  return null;
}

function targetPpmOf(o: ObjectiveSpec, field: string, at: At, notes: Notes): number | null {
  const exact = o.target !== undefined ? o.target * PPM_PER_WHOLE : (o.targetPercent ?? NaN) * 10_000;
  const ppm = Math.round(exact);
  if (Math.abs(exact - ppm) > 1e-6) notes.add(at, `${field}.target`, `is finer than one part per million: rounded to ${ppm / 10_000} %`);
  const checked = checkTargetPpm(ppm);
  if (!checked.ok) notes.add(at, `${field}.target`, `${checked.message}, so this objective is not imported`);
  return checked.ok ? ppm : null;
}

/** One objective as a workbench tier, or null (noted) when it cannot be carried. */
export function objectiveOf(
  o: ObjectiveSpec,
  tier: Tier,
  window: SloWindow,
  method: BudgetingMethod,
  annotations: Record<string, string> | undefined,
  field: string,
  at: At,
  notes: Notes,
): Objective | null {
  const targetPpm = targetPpmOf(o, field, at, notes);
  if (targetPpm === null) return null;
  if (o.op !== undefined || o.value !== undefined) notes.add(at, `${field}.op`, 'op and value are not carried: the workbench counts good and total events');
  let timeslice = null;
  if (method !== 'occurrences') {
    const minutes = o.timeSliceWindow === undefined ? null : shorthandMinutes(o.timeSliceWindow);
    const slice = minutes === null ? null : checkSliceMinutes(minutes);
    if (!slice?.ok) {
      notes.add(
        at,
        `${field}.timeSliceWindow`,
        `${o.timeSliceWindow ?? 'is missing'}: the workbench's slices are whole minutes from 1 to 1440, so this objective is not imported`,
      );
      return null;
    }
    let sliceTargetPpm = DEFAULT_TIMESLICE.sliceTargetPpm;
    if (method === 'timeslices') {
      const ppm = Math.round((o.timeSliceTarget ?? NaN) * PPM_PER_WHOLE);
      const checked = checkTargetPpm(ppm);
      if (!checked.ok) {
        notes.add(at, `${field}.timeSliceTarget`, `${checked.message.replace(/^Target/, 'The slice target')}, so this objective is not imported`);
        return null;
      }
      sliceTargetPpm = ppm;
    }
    timeslice = { sliceMinutes: slice.value, sliceTargetPpm };
  }
  const latencyThresholdMs = wholeNumber(annotations?.[openSloTierThresholdAnnotation(tier)]) ?? null;
  return { tier, targetPpm, window, method, timeslice, latencyThresholdMs };
}
