import { useId, useState } from 'react';
import { Field } from '../../components/Field';
import { BadRowsField } from './BadRowsField';
import { localInputToMs, rangeHint, STEP_OPTIONS, type PromDraft, type PromErrors } from './prometheus-model';

type Props = { draft: PromDraft; timeZone: string; onChange(draft: PromDraft): void; onStart(): PromErrors | null; onClose(): void };

function QueryField({
  label,
  value,
  error,
  hint,
  testId,
  onChange,
}: {
  label: string;
  value: string;
  error?: string;
  hint: string;
  testId: string;
  onChange(v: string): void;
}) {
  const id = useId();
  return (
    <div className={`field import-query ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={2}
        spellCheck={false}
        data-testid={testId}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-note`}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <div className="field-error" id={`${id}-note`} role="alert">
          {error}
        </div>
      ) : (
        <div className="field-hint" id={`${id}-note`}>
          {hint}
        </div>
      )}
    </div>
  );
}

function TimeField({ label, value, error, testId, onChange }: { label: string; value: string; error?: string; testId: string; onChange(v: string): void }) {
  const id = useId();
  return (
    <div className={`field ${error ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="datetime-local"
        value={value}
        data-testid={testId}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** A live Prometheus as the source: address, good/total or error-ratio PromQL, range in the user's zone, and step. */
export function PrometheusForm({ draft, timeZone, onChange, onStart, onClose }: Props) {
  const [errors, setErrors] = useState<PromErrors>({});
  const stepId = useId();
  const set = (change: Partial<PromDraft>, field?: keyof PromErrors) => {
    onChange({ ...draft, ...change });
    if (field) setErrors({ ...errors, [field]: undefined });
  };
  const start = localInputToMs(draft.start, timeZone);
  const end = localInputToMs(draft.end, timeZone);
  const hint = start.ok && end.ok && end.ms > start.ms ? rangeHint(start.ms, end.ms, draft.stepSeconds, draft.kind) : null;

  return (
    <form
      className="import-prom"
      aria-label="Prometheus query"
      onSubmit={(e) => {
        e.preventDefault();
        setErrors(onStart() ?? {});
      }}
    >
      <Field
        label="Prometheus address"
        value={draft.url}
        onChange={(url) => set({ url }, 'url')}
        error={errors.url}
        testId="prom-url"
        size="wide"
        hint="The server's base URL; the workbench calls its /api/v1/query_range."
      />
      <fieldset className="import-choice">
        <legend>What the queries return</legend>
        <label>
          <input type="radio" name="prom-kind" checked={draft.kind === 'good-total'} onChange={() => set({ kind: 'good-total' })} /> Good events and all events
          (two queries)
        </label>
        <label>
          <input type="radio" name="prom-kind" checked={draft.kind === 'error-ratio'} onChange={() => set({ kind: 'error-ratio' })} /> An error ratio between 0
          and 1 (one query)
        </label>
      </fieldset>
      {draft.kind === 'good-total' ? (
        // One QueryField per PromQL query: the component holds the markup, these lines are its props only.
        <div className="import-queries">
          <QueryField
            label="Good events (PromQL)"
            value={draft.good}
            error={errors.good}
            testId="prom-good"
            onChange={(good) => set({ good }, 'good')}
            hint='e.g. sum(rate(http_requests_total{code!~"5.."}[5m]))'
          />
          <QueryField
            label="All events (PromQL)"
            value={draft.total}
            error={errors.total}
            testId="prom-total"
            onChange={(total) => set({ total }, 'total')}
            hint="e.g. sum(rate(http_requests_total[5m]))"
          />
        </div>
      ) : (
        <QueryField
          label="Error ratio (PromQL)"
          value={draft.errorRatio}
          error={errors.errorRatio}
          testId="prom-ratio"
          onChange={(errorRatio) => set({ errorRatio }, 'errorRatio')}
          hint="e.g. job:slo_errors_per_request:ratio_rate5m — bad ÷ all, between 0 and 1"
        />
      )}
      <div className="row">
        <TimeField label="From" value={draft.start} error={errors.start} testId="prom-start" onChange={(v) => set({ start: v }, 'start')} />
        <TimeField label="To" value={draft.end} error={errors.end} testId="prom-end" onChange={(v) => set({ end: v }, 'end')} />
        <div className="field field-narrow">
          <label htmlFor={stepId}>Step</label>
          <select id={stepId} value={draft.stepSeconds} data-testid="prom-step" onChange={(e) => set({ stepSeconds: Number(e.target.value) })}>
            {STEP_OPTIONS.map((o) => (
              <option key={o.seconds} value={o.seconds}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="import-hint">
        Times are in your time zone, {timeZone}. {hint ? <span className={hint.tooMany ? 'import-warn' : undefined}>{hint.text}</span> : null}
      </p>
      <BadRowsField value={draft.onBadRows} onChange={(onBadRows) => set({ onBadRows })} />
      <div className="modal-actions">
        <button type="button" className="import-close-left" onClick={onClose} data-testid="import-close">
          Close
        </button>
        <button type="submit" className="primary" data-testid="import-start">
          Import from Prometheus
        </button>
      </div>
    </form>
  );
}
