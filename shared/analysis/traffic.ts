import { DateTime } from 'luxon';
import { formatCount } from '../budget/budget';
import { importerFor } from '../importers/registry';
import type { ImportFormat } from '../importers/types';
import { medianStep } from '../domain/step';
import type { History } from './history';

const DAY_MS = 86_400_000;

/** Where a history came from: its import's format (or a live Prometheus server) and file name. */
export type TrafficSource = { format: ImportFormat | 'prometheus-api'; fileName: string };

/**
 * Traffic seen in a history, for the bad-event budgets: requests per day over the days with data, with the import it
 * comes from; or, when the history does not count requests, no figure and the reason.
 */
export type TrafficEstimate =
  | { proposed: true; requestsPerDay: number; days: number; totalEvents: number; source: string; explanation: string }
  | { proposed: false; source: string; explanation: string };

/** Each source as "from the … import" names it. */
function sourceName(format: TrafficSource['format']): string {
  return format === 'prometheus-api' ? 'Prometheus' : importerFor(format).names.short;
}

const TYPE_IT = "Type the service's requests per day for bad-event budgets.";

function utcDate(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'utc' }).toISODate()!;
}

/**
 * Why a history's totals are not requests, or null when they are. Access logs and NGINX status count requests; an
 * Upptime history counts minutes up and down. Mapped sources (CSV, JSON samples, Prometheus) count requests unless
 * every total is 0 or 1: that is one reading per sample (a value against a threshold, a ratio without a total).
 */
function notRequests(h: History, source: TrafficSource): string | null {
  if (source.format === 'access-log' || source.format === 'nginx-status') return null;
  if (source.format === 'upptime') return 'an Upptime history counts the minutes a site was up or down, not requests';
  for (let i = 0; i < h.total.length; i++) if (h.total[i]! > 1) return null;
  return 'each of its samples is one reading (a value against a threshold, or a ratio without a total), not a count of requests';
}

/**
 * Estimates traffic from a history's totals when its source counts requests: requests per day over the days from
 * the first sample's interval start to the last sample, named with the import they come from ("≈ 2,857 requests per
 * day, from the access log import apache_logs.log: …"). Otherwise no figure, and the reason in the explanation.
 */
export function estimateTraffic(h: History, from: TrafficSource): TrafficEstimate {
  const source = `the ${sourceName(from.format)} import ${from.fileName}`;
  const refuse = (why: string, then = ''): TrafficEstimate => ({ proposed: false, source, explanation: `No traffic from ${source}: ${why}.${then}` });
  const n = h.t.length;
  const why = notRequests(h, from);
  if (why !== null) return refuse(why, ` ${TYPE_IT}`);
  let totalEvents = 0;
  for (let i = 0; i < n; i++) totalEvents += h.total[i]!;
  const days = n > 0 ? (h.t[n - 1]! - (h.t[0]! - (medianStep(h.t) ?? 0))) / DAY_MS : 0;
  if (!(days > 0) || !(totalEvents > 0)) return refuse('it holds no requests over any time');
  const requestsPerDay = totalEvents / days;
  // The dates of the first and last sample, as the import summary gives them: a history stamped from midnight reads from that day.
  const explanation =
    `≈ ${formatCount(requestsPerDay)} requests per day, from ${source}: ${formatCount(totalEvents)} requests over ` +
    `${Number(days.toFixed(2))} days (${utcDate(h.t[0]!)} to ${utcDate(h.t[n - 1]!)} UTC).`;
  return { proposed: true, requestsPerDay, days, totalEvents, source, explanation };
}
