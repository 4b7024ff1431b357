import { ALERT_KEYS, checkAlertSet, formatDuration, parseDuration, SLOTH_30D, type AlertWindowSet } from '#shared/budget/alerts';

/** One window pair of the alert-set form, as typed. */
export type AlertWindowDraft = { budgetPercent: string; short: string; long: string };

/** The alert-set form: a name, the SLO period it is made for, and the four window pairs, all as text (AlertWindowSet's shape on purpose, typed text in place of numbers). */
export type AlertSetDraft = {
  name: string;
  period: string;
  page: { quick: AlertWindowDraft; slow: AlertWindowDraft };
  ticket: { quick: AlertWindowDraft; slow: AlertWindowDraft };
};

/** Field keys of the form: "name", "period", "page.quick.budgetPercent", "ticket.slow.long", … */
export type AlertSetErrors = Record<string, string>;

/** The form filled from a set (the SRE workbook's 30-day windows for a new one). */
export function alertSetDraftOf(set: AlertWindowSet = { ...SLOTH_30D, name: '' }): AlertSetDraft {
  const pair = (w: AlertWindowSet['page']['quick']): AlertWindowDraft => ({
    budgetPercent: String(w.budgetPercent),
    short: formatDuration(w.shortMinutes),
    long: formatDuration(w.longMinutes),
  });
  return {
    name: set.name,
    period: formatDuration(set.periodMinutes),
    page: { quick: pair(set.page.quick), slow: pair(set.page.slow) },
    ticket: { quick: pair(set.ticket.quick), slow: pair(set.ticket.slow) },
  };
}

/**
 * The set a form describes, or its messages: each field's own (durations as 5m / 1h / 1d, shares as numbers), then
 * checkAlertSet's rule for the whole set (short window shorter than long, windows within the period) as a form message.
 */
export function validateAlertSetDraft(draft: AlertSetDraft): { ok: true; set: AlertWindowSet } | { ok: false; errors: AlertSetErrors; form: string | null } {
  const errors: AlertSetErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'An alert set needs a name';
  else if (name.length > 100) errors.name = 'An alert set name must be at most 100 characters';
  const duration = (key: string, text: string): number => {
    const parsed = parseDuration(text);
    if (parsed.ok) return parsed.value;
    errors[key] = parsed.message;
    return NaN;
  };
  const periodMinutes = duration('period', draft.period);
  const set: AlertWindowSet = { name, periodMinutes, page: { ...SLOTH_30D.page }, ticket: { ...SLOTH_30D.ticket } };
  for (const { severity, speed } of ALERT_KEYS) {
    const w = draft[severity][speed];
    const key = `${severity}.${speed}`;
    const share = w.budgetPercent.trim().replace(/\s*%$/, '');
    if (!/^(\d+(\.\d*)?|\.\d+)$/.test(share)) errors[`${key}.budgetPercent`] = `The budget share must be a number of percent, not "${w.budgetPercent.trim()}"`;
    set[severity] = {
      ...set[severity],
      [speed]: { budgetPercent: Number(share), shortMinutes: duration(`${key}.short`, w.short), longMinutes: duration(`${key}.long`, w.long) },
    };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, form: null };
  const checked = checkAlertSet(set);
  return checked.ok ? { ok: true, set: checked.value } : { ok: false, errors, form: checked.message };
}
