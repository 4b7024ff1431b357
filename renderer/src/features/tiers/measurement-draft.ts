// The "Measured by" editor of an SLI as text fields, and the sli/update arguments they make: what the editor shows
// for a stored SLI, and the checked changes (or the first message to show) when it is saved.
import { checkFreshnessMaxAgeMs, checkHistogram, checkSliQueries, checkWording } from '#shared/domain/queries';
import type { FieldCheck } from '#shared/domain/validation';
import { KIND_WORDING, type QueryForm, type Sli, type SliQueries } from '#shared/domain/types';

/** The editor's fields, all text; `form` is 'none' when the SLI has no queries. */
export type MeasurementDraft = {
  good: string;
  total: string;
  form: QueryForm | 'none';
  /** The first query: good, bad or the error ratio, as the form says. */
  first: string;
  /** The total query of an event form. */
  second: string;
  histogramMetric: string;
  histogramLe: string;
  maxAgeMinutes: string;
};

/** What the editor shows for a stored SLI. */
export function draftOf(sli: Sli): MeasurementDraft {
  const wording = sli.wording ?? KIND_WORDING[sli.kind];
  const q = sli.queries;
  return {
    good: wording.good,
    total: wording.total,
    form: q?.form ?? 'none',
    first: q === null ? '' : q.form === 'good-total' ? q.good : q.form === 'bad-total' ? q.bad : q.errorRatio,
    second: q === null || q.form === 'error-ratio' ? '' : q.total,
    histogramMetric: sli.histogram?.metric ?? '',
    histogramLe: sli.histogram?.le ?? '',
    maxAgeMinutes: sli.freshnessMaxAgeMs === null ? '' : String(sli.freshnessMaxAgeMs / 60_000),
  };
}

/** The field a message belongs to. */
export type DraftField = 'wording' | 'first' | 'second' | 'histogram' | 'maxAge';

/** The sli/update changes of a draft, or the first field that is wrong with its message. */
export type DraftChanges =
  { ok: true; changes: Partial<Pick<Sli, 'wording' | 'queries' | 'histogram' | 'freshnessMaxAgeMs'>> } | { ok: false; field: DraftField; message: string };

function queriesOf(d: MeasurementDraft): SliQueries | null {
  if (d.form === 'none') return null;
  if (d.form === 'error-ratio') return { form: 'error-ratio', errorRatio: d.first };
  return d.form === 'good-total' ? { form: 'good-total', good: d.first, total: d.second } : { form: 'bad-total', bad: d.first, total: d.second };
}

/** Checks a maximum data age typed in minutes, as the editors show it, with messages in minutes. */
export function checkMaxAgeMinutes(text: string): FieldCheck<number> {
  const minutes = Number(text.trim());
  const age = checkFreshnessMaxAgeMs(text.trim() !== '' && Number.isFinite(minutes) ? minutes * 60_000 : text);
  return age.ok
    ? age
    : { ok: false, message: age.message.replace('a number of milliseconds', 'a number of minutes').replace(/ \(?2592000000 ms\)?/, ' 43200 minutes') };
}

/** Checks a draft for the SLI's kind with the checks the CLI and the core use. */
export function changesOf(sli: Sli, d: MeasurementDraft): DraftChanges {
  const changes: Extract<DraftChanges, { ok: true }>['changes'] = {};
  const kindWording = KIND_WORDING[sli.kind];
  const sameAsKind = d.good.trim() === kindWording.good && d.total.trim() === kindWording.total;
  if (sameAsKind && sli.kind !== 'custom') changes.wording = null;
  else {
    const wording = checkWording({ good: d.good, total: d.total });
    if (!wording.ok) return { ok: false, field: 'wording', message: wording.message };
    changes.wording = wording.value;
  }
  const queries = queriesOf(d);
  if (queries === null) changes.queries = null;
  else {
    const checked = checkSliQueries(queries);
    if (!checked.ok) return { ok: false, field: /^The total query/.test(checked.message) ? 'second' : 'first', message: checked.message };
    changes.queries = checked.value;
  }
  if (sli.kind === 'latency') {
    if (d.histogramMetric.trim() === '' && d.histogramLe.trim() === '') changes.histogram = null;
    else {
      const histogram = checkHistogram({ metric: d.histogramMetric, le: d.histogramLe });
      if (!histogram.ok) return { ok: false, field: 'histogram', message: histogram.message };
      changes.histogram = histogram.value;
    }
  }
  if (sli.kind === 'freshness') {
    const minutes = Number(d.maxAgeMinutes.trim());
    const age = checkFreshnessMaxAgeMs(d.maxAgeMinutes.trim() !== '' && Number.isFinite(minutes) ? minutes * 60_000 : d.maxAgeMinutes);
    if (!age.ok)
      return {
        ok: false,
        field: 'maxAge',
        message: age.message.replace('a number of milliseconds', 'a number of minutes').replace(/ \(?2592000000 ms\)?/, ' 43200 minutes'),
      };
    changes.freshnessMaxAgeMs = age.value;
  }
  return { ok: true, changes };
}
