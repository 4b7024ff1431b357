// The replay form's injected events as typed: a start in UTC as a datetime-local input writes it, minutes and an
// error rate as text, checked one row at a time by the contract's injection schema.
import { injectionSchema, type Injection, type InjectionRepeat } from '#shared/simulation/injection';
import { typedNumber } from './scenario-draft';

/** One injected event as typed; `startUtc` is "2026-01-12T14:00". */
export type InjectionDraft = { name: string; startUtc: string; durationMinutes: string; errorRate: string; repeat: InjectionRepeat };

/** A UTC instant as a datetime-local input shows it: "2026-01-12T14:00". */
export function utcInputOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** The instant a datetime-local text stands for, read as UTC; NaN when it is not one. */
export function msOfUtcInput(text: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? Date.parse(`${text}:00Z`) : Number.NaN;
}

/** A row checked: the injection, or the first problem the schema names (start problems named by the form). */
export function checkInjection(d: InjectionDraft): { ok: true; value: Injection } | { ok: false; message: string } {
  const startMs = msOfUtcInput(d.startUtc);
  if (!Number.isFinite(startMs)) return { ok: false, message: 'The start must be a date and time (UTC)' };
  const parsed = injectionSchema.safeParse({
    name: d.name,
    startMs,
    durationMinutes: typedNumber(d.durationMinutes),
    errorRate: typedNumber(d.errorRate),
    repeat: d.repeat,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  // Zod's type messages do not name the field; the ones the schema writes do.
  return { ok: false, message: issue.code === 'invalid_type' ? `${field} must be a number` : issue.message };
}

/** A new row: "a weekly deploy causing 10 minutes at 0.5 %", first at `startMs`. */
export function newInjection(startMs: number): InjectionDraft {
  return { name: 'weekly deploy', startUtc: utcInputOf(startMs), durationMinutes: '10', errorRate: '0.005', repeat: 'weekly' };
}
