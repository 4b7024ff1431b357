import { useState } from 'react';
import { KIND_WORDING, type QueryForm, type Sli } from '#shared/domain/types';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';
import { changesOf, draftOf, type DraftField, type MeasurementDraft } from './measurement-draft';

const FORM_LABELS: Readonly<Record<QueryForm | 'none', string>> = {
  none: 'No queries',
  'good-total': 'Good and total events',
  'bad-total': 'Bad and total events',
  'error-ratio': 'One error-ratio query',
};

const FIRST_LABEL: Readonly<Record<QueryForm, string>> = {
  'good-total': 'Good events query',
  'bad-total': 'Bad events query',
  'error-ratio': 'Error ratio query',
};

/** One line saying what the SLI measures and by which queries, as the card shows it when not editing. */
function Summary({ sli }: { sli: Sli }) {
  const wording = sli.wording ?? KIND_WORDING[sli.kind];
  const q = sli.queries;
  return (
    <p className="measured-summary" data-testid={`measured-${sli.name}`}>
      Measures <strong>{wording.good}</strong> of all <strong>{wording.total}</strong>
      {sli.freshnessMaxAgeMs !== null ? <> · fresh when newer than {sli.freshnessMaxAgeMs / 60_000} min</> : null}
      {q ? <> · Prometheus: {FORM_LABELS[q.form].toLowerCase()}</> : <> · no Prometheus queries yet</>}
      {sli.histogram ? (
        <>
          {' '}
          · histogram <code>{`${sli.histogram.metric}_bucket{le="${sli.histogram.le}"}`}</code>
        </>
      ) : null}
    </p>
  );
}

/**
 * What an SLI is measured by: its wording of good and total events, a freshness SLI's maximum age, the Prometheus
 * queries (with {{.window}} where the range goes, as Sloth writes them) and a latency SLI's histogram. Saving is one
 * undoable edit.
 */
export function SliMeasurement({ sli, readOnly }: { sli: Sli; readOnly: boolean }) {
  const edit = useApp((s) => s.edit);
  const [draft, setDraft] = useState<MeasurementDraft | null>(null);
  const [error, setError] = useState<{ field: DraftField; message: string } | null>(null);
  const set = (patch: Partial<MeasurementDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setError(null);
  };
  const messageFor = (field: DraftField) => (error?.field === field ? error.message : undefined);

  const save = async () => {
    if (!draft) return;
    const checked = changesOf(sli, draft);
    if (!checked.ok) return setError({ field: checked.field, message: checked.message });
    const result = await edit('sli/update', { sliId: sli.id, ...checked.changes });
    if (!result.ok) return setError({ field: 'first', message: result.error.message });
    setDraft(null);
  };

  if (!draft) {
    return (
      <div className="measured">
        <Summary sli={sli} />
        {readOnly ? null : (
          <button className="link" onClick={() => setDraft(draftOf(sli))} data-testid={`edit-measured-${sli.name}`}>
            Edit what it measures
          </button>
        )}
      </div>
    );
  }
  const form = draft.form;
  return (
    <form
      className="measured measured-editing"
      aria-label={`What ${sli.name} measures`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="row">
        <Field label="Good events are called" value={draft.good} onChange={(good) => set({ good })} error={messageFor('wording')} testId="wording-good" />
        <Field label="All events are called" value={draft.total} onChange={(total) => set({ total })} testId="wording-total" />
        {sli.kind === 'freshness' ? (
          <Field
            label="Fresh when newer than"
            value={draft.maxAgeMinutes}
            suffix="min"
            size="narrow"
            onChange={(maxAgeMinutes) => set({ maxAgeMinutes })}
            error={messageFor('maxAge')}
            testId="max-age"
          />
        ) : null}
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`query-form-${sli.id}`}>Prometheus queries</label>
          <select id={`query-form-${sli.id}`} value={form} onChange={(e) => set({ form: e.target.value as MeasurementDraft['form'] })} data-testid="query-form">
            {Object.entries(FORM_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {form === 'none' ? null : (
        <div className="query-fields">
          <Field
            label={FIRST_LABEL[form]}
            value={draft.first}
            size="wide"
            placeholder={
              form === 'error-ratio'
                ? 'sum(rate(errors_total[{{.window}}])) / sum(rate(requests_total[{{.window}}]))'
                : 'sum(rate(requests_total{code!~"5.."}[{{.window}}]))'
            }
            onChange={(first) => set({ first })}
            error={messageFor('first')}
            hint="Write {{.window}} where the range goes; the exporters and the live import fill it in."
            testId="query-first"
          />
          {form === 'error-ratio' ? null : (
            <Field
              label="Total events query"
              value={draft.second}
              size="wide"
              placeholder="sum(rate(requests_total[{{.window}}]))"
              onChange={(second) => set({ second })}
              error={messageFor('second')}
              testId="query-total"
            />
          )}
        </div>
      )}
      {sli.kind === 'latency' ? (
        <div className="row">
          <Field
            label="Histogram metric"
            value={draft.histogramMetric}
            placeholder="http_request_duration_seconds"
            onChange={(histogramMetric) => set({ histogramMetric })}
            error={messageFor('histogram')}
            hint="Without _bucket; leave both empty for none."
            testId="histogram-metric"
          />
          <Field
            label="Bucket of the threshold (le)"
            value={draft.histogramLe}
            size="narrow"
            placeholder="0.2"
            onChange={(histogramLe) => set({ histogramLe })}
            testId="histogram-le"
          />
        </div>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" data-testid="save-measured">
          Save
        </button>
        <button type="button" className="link" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
