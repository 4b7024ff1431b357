import { useId, useState } from 'react';
import type { DurationField } from '#shared/importers/access-log';
import type { TextEncodingName } from '#shared/importers/csv/decode';
import type { ImportPreview } from '#shared/ipc/contract';
import { BadRowsField } from './BadRowsField';
import { CsvMapping } from './CsvMapping';
import { EncodingField } from './EncodingField';
import { FORMAT_NAMES, formatBytes } from './import-display';
import { BUCKET_CHOICES, DURATION_FIELDS, VALUE_UNITS, type FileDraft, type FileDraftErrors } from './import-model';
import type { LatencyUnit } from '#shared/importers/types';
import { ChoiceOptions } from '../../components/Options';

type Props = {
  preview: ImportPreview;
  draft: FileDraft;
  /** The SLI is a latency SLI: latencies are kept for each tier to judge at its own threshold, so none is asked for. */
  latencySli: boolean;
  onChange(draft: FileDraft): void;
  /** Reads the preview again in another text encoding (undefined: automatic). */
  onEncoding(encoding: TextEncodingName | undefined): void;
  onBack(): void;
  /** Starts the import, or returns the messages to show beside the controls. */
  onStart(): FileDraftErrors | null;
  onClose(): void;
};

/** How an access log's requests are counted: per bucket of a chosen length, and which count as good. */
function AccessLogBucket({ draft, onChange }: { draft: FileDraft; onChange(change: Partial<FileDraft>): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-bucket`}>Count requests</label>
      <select id={`${id}-bucket`} value={draft.bucketMinutes} data-testid="import-bucket" onChange={(e) => onChange({ bucketMinutes: Number(e.target.value) })}>
        {BUCKET_CHOICES.map((b) => (
          <option key={b.minutes} value={b.minutes}>
            {b.label}
          </option>
        ))}
      </select>
      <p className="import-hint">
        Each request counts in the bucket its time falls in; a bucket without requests has none. A request is good for availability when its status is below 500
        (4xx included).
      </p>
    </div>
  );
}

function AccessLogOptions({
  draft,
  error,
  latencySli,
  onChange,
}: {
  draft: FileDraft;
  error?: string;
  latencySli: boolean;
  onChange(change: Partial<FileDraft>): void;
}) {
  const id = useId();
  return (
    <fieldset className="import-choice">
      <legend>{latencySli ? 'Latency' : 'Latency (optional)'}</legend>
      {latencySli ? (
        <p className="import-hint" data-testid="import-latency-sli-hint">
          This is a latency SLI: choose the unit of the duration that ends each line. Each minute’s requests are counted at every threshold its tiers use, so
          each tier is judged at its own; no threshold is asked for here.
        </p>
      ) : null}
      <p className="import-hint">
        Availability (the share of requests below 500 per bucket) is always imported. If each line ends with the request duration, a latency series can be
        imported beside it.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-unit`}>Duration field at the end of each line</label>
          <select
            id={`${id}-unit`}
            value={draft.durationField}
            data-testid="import-duration-field"
            onChange={(e) => onChange({ durationField: e.target.value as DurationField | '' })}
          >
            <ChoiceOptions choices={DURATION_FIELDS} />
          </select>
        </div>
        {latencySli ? null : (
          <div className="field">
            <label htmlFor={`${id}-ms`}>Latency threshold (ms)</label>
            <input
              id={`${id}-ms`}
              inputMode="decimal"
              value={draft.latencyMs}
              placeholder="e.g. 300"
              data-testid="import-latency-threshold"
              aria-invalid={Boolean(error)}
              onChange={(e) => onChange({ latencyMs: e.target.value })}
            />
          </div>
        )}
      </div>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** For a latency SLI: whether JSON samples hold good and total counts, or one latency each in a unit. */
function JsonSamplesLatency({ draft, onChange }: { draft: FileDraft; onChange(change: Partial<FileDraft>): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-unit`}>The samples hold</label>
      <select
        id={`${id}-unit`}
        value={draft.valueUnit}
        data-testid="import-value-unit"
        onChange={(e) => onChange({ valueUnit: e.target.value as LatencyUnit | '' })}
      >
        <option value="">good and total counts ({'{t, good, total}'})</option>
        {VALUE_UNITS.map((u) => (
          <option key={u.value} value={u.value}>
            one latency each ({'{t, value}'}), in {u.label.toLowerCase()}
          </option>
        ))}
      </select>
      <p className="import-hint">Latencies are kept, and each tier is judged at its own threshold.</p>
    </div>
  );
}

/** The detected format and first lines of the chosen file, with the choices that format needs before importing. */
export function PreviewStep({ preview, draft, latencySli, onChange, onEncoding, onBack, onStart, onClose }: Props) {
  const [errors, setErrors] = useState<FileDraftErrors>({});
  const change = (c: Partial<FileDraft>) => {
    onChange({ ...draft, ...c });
    setErrors({});
  };
  const warnings = preview.issues.slice(0, 5);
  const encodingProblem = preview.issues.some((issue) => issue.code === 'ENCODING');
  return (
    // A form's opening (class, label, submit): alike in shape to the other forms', its content is its own.
    <form
      className="import-preview"
      data-testid="import-preview"
      aria-label="Preview and mapping"
      onSubmit={(e) => {
        e.preventDefault();
        setErrors(onStart() ?? {});
      }}
    >
      <p className="import-facts">
        <strong>{preview.fileName}</strong> · {formatBytes(preview.bytes)} · detected format:{' '}
        <strong data-testid="import-format">{FORMAT_NAMES[preview.format]}</strong>
      </p>
      <h4 className="import-subhead">First lines</h4>
      <pre className="import-lines" tabIndex={0} aria-label="First lines of the file">
        {preview.lines.join('\n') || '(empty)'}
      </pre>
      {preview.format === 'csv' && !preview.csv ? (
        <div className="dialog-error" role="alert">
          This file cannot be read as a table, so there is nothing to map.{' '}
          {encodingProblem ? 'Choose its text encoding below, or another file.' : 'Choose another file.'}
        </div>
      ) : null}
      {encodingProblem || preview.encoding !== undefined ? <EncodingField value={preview.encoding} onChange={onEncoding} /> : null}
      {warnings.length > 0 ? (
        <ul className="warnings">
          {warnings.map((w, i) => (
            <li key={i}>
              {w.line ? `Line ${w.line}: ` : ''}
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.format === 'csv' && preview.csv ? (
        <CsvMapping preview={{ ...preview, csv: preview.csv }} draft={draft} errors={errors} latencySli={latencySli} onChange={change} />
      ) : null}
      {preview.format === 'access-log' ? <AccessLogBucket draft={draft} onChange={change} /> : null}
      {preview.format === 'access-log' ? <AccessLogOptions draft={draft} error={errors.latency} latencySli={latencySli} onChange={change} /> : null}
      {preview.format === 'prometheus-json' ? (
        <label className="import-check">
          <input
            type="checkbox"
            checked={draft.prometheusRatio}
            data-testid="import-prometheus-ratio"
            onChange={(e) => change({ prometheusRatio: e.target.checked })}
          />{' '}
          The values are an error ratio (bad ÷ all, 0 to 1), not a count of good events
        </label>
      ) : null}
      {preview.format === 'json-samples' && latencySli ? <JsonSamplesLatency draft={draft} onChange={change} /> : null}
      {preview.format === 'upptime' || (preview.format === 'json-samples' && !latencySli) || preview.format === 'nginx-status' ? (
        <p className="import-hint">This format names its own fields; nothing needs mapping.</p>
      ) : null}
      <BadRowsField value={draft.onBadRows} onChange={(onBadRows) => change({ onBadRows })} />
      {errors.mapping ? (
        <div className="dialog-error" role="alert">
          Cannot import yet: {errors.mapping}
        </div>
      ) : null}
      <div className="modal-actions">
        <button type="button" className="import-close-left" onClick={onClose} data-testid="import-close">
          Close
        </button>
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="primary" data-testid="import-start">
          Import
        </button>
      </div>
    </form>
  );
}
