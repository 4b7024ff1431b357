import { useId, useMemo } from 'react';
import {
  columnLabels,
  describeMapping,
  localTimeZone,
  mappingFromRoles,
  needsTimeZone,
  ROLE_CHOICES,
  TIME_FORMATS,
  timeZoneChoices,
  VALUE_UNITS,
  type CsvPreview,
  type FileDraft,
  type FileDraftErrors,
  type RoleChoice,
} from './import-model';
import type { ImportPreview } from '#shared/ipc/contract';
import type { CsvTimeFormat } from '#shared/importers/csv/time';
import type { LatencyUnit } from '#shared/importers/types';
import { ChoiceOptions } from '../../components/Options';

type Props = {
  preview: ImportPreview & { csv: CsvPreview };
  draft: FileDraft;
  errors: FileDraftErrors;
  latencySli: boolean;
  onChange(change: Partial<FileDraft>): void;
};

const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/**
 * The CSV preview as a table with a role above each column, and the time format, zone and threshold the roles need;
 * for a latency SLI a value column asks for its unit instead of a threshold (each tier is judged at its own).
 */
export function CsvMapping({ preview, draft, errors, latencySli, onChange }: Props) {
  const { csv } = preview;
  const ids = useId();
  const labels = columnLabels(csv);
  const zones = useMemo(() => timeZoneChoices(), []);
  const myZone = localTimeZone();
  const mapping = mappingFromRoles(draft.roles, labels, draft.threshold, draft.direction, latencySli ? draft.valueUnit : undefined);
  const zoneNeeded = needsTimeZone(preview, draft);
  const hasValue = draft.roles.includes('value');
  const setRole = (at: number, role: RoleChoice) => onChange({ roles: draft.roles.map((r, i) => (i === at ? role : r)) });

  return (
    <div className="import-csv">
      <p className="muted">
        {DELIMITERS[csv.delimiter] ?? `“${csv.delimiter}”`}-separated, {csv.hasHeader ? 'with a header row' : 'no header row'}; the first {csv.rows.length}{' '}
        rows. Choose what each column holds.
      </p>
      <div className="import-table-scroll" role="region" aria-label="Preview rows" tabIndex={0}>
        <table className="import-table" data-testid="import-csv-table">
          <thead>
            <tr>
              {csv.headers.map((h, at) => (
                <th key={at} scope="col">
                  <select
                    aria-label={`Role of ${labels[at]}`}
                    value={draft.roles[at] ?? 'ignore'}
                    data-testid={`import-role-${at}`}
                    className={draft.roles[at] && draft.roles[at] !== 'ignore' ? 'import-role-set' : undefined}
                    onChange={(e) => setRole(at, e.target.value as RoleChoice)}
                  >
                    {ROLE_CHOICES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                  <div className="import-colname">{csv.hasHeader ? h : `column ${at + 1}`}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {csv.rows.map((row, r) => (
              <tr key={r}>
                {csv.headers.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={mapping.ok ? 'import-mapping-ok' : 'import-mapping-bad'} role="status" data-testid="import-mapping">
        {mapping.ok ? describeMapping(mapping.mapping, labels) : mapping.message}
      </div>
      <div className="row import-options">
        <div className="field">
          <label htmlFor={`${ids}-tf`}>Time format</label>
          <select
            id={`${ids}-tf`}
            value={draft.timeFormat}
            data-testid="import-time-format"
            onChange={(e) => onChange({ timeFormat: e.target.value as CsvTimeFormat })}
          >
            <ChoiceOptions choices={TIME_FORMATS} />
          </select>
        </div>
        {zoneNeeded ? (
          <div className={`field field-wide ${errors.timeZone ? 'field-invalid' : ''}`}>
            <label htmlFor={`${ids}-tz`}>Time zone of the timestamps (required)</label>
            <div className="field-input">
              <input
                id={`${ids}-tz`}
                list={`${ids}-zones`}
                value={draft.timeZone}
                placeholder="e.g. Europe/Berlin"
                data-testid="import-timezone"
                aria-required="true"
                aria-invalid={Boolean(errors.timeZone)}
                aria-describedby={`${ids}-tz-note`}
                autoComplete="off"
                onChange={(e) => onChange({ timeZone: e.target.value })}
              />
              <button type="button" onClick={() => onChange({ timeZone: myZone })}>
                Use {myZone}
              </button>
            </div>
            <datalist id={`${ids}-zones`}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <div id={`${ids}-tz-note`} className={errors.timeZone ? 'field-error' : 'field-hint import-hint'} role={errors.timeZone ? 'alert' : undefined}>
              {errors.timeZone ??
                'Required because the timestamps carry no offset (no Z or +01:00): 09:00 means a different instant in each zone, and DST changes matter.'}
            </div>
          </div>
        ) : null}
        {hasValue && latencySli ? (
          <div className="field">
            <label htmlFor={`${ids}-unit`}>Unit of the values</label>
            <select
              id={`${ids}-unit`}
              value={draft.valueUnit}
              data-testid="import-value-unit"
              onChange={(e) => onChange({ valueUnit: e.target.value as LatencyUnit | '' })}
            >
              <option value="">Choose…</option>
              <ChoiceOptions choices={VALUE_UNITS} />
            </select>
            <div className="field-hint import-hint">Each row’s latency is kept, and each tier is judged at its own threshold.</div>
          </div>
        ) : null}
        {hasValue && !latencySli ? (
          <>
            <div className="field field-narrow">
              <label htmlFor={`${ids}-th`}>Threshold</label>
              <input
                id={`${ids}-th`}
                inputMode="decimal"
                value={draft.threshold}
                data-testid="import-threshold"
                onChange={(e) => onChange({ threshold: e.target.value })}
              />
            </div>
            {/* A label over a select, alike in shape to PreviewStep's duration field on purpose: the choices differ. */}
            <div className="field">
              <label htmlFor={`${ids}-dir`}>A sample is good when the value is</label>
              <select
                id={`${ids}-dir`}
                value={draft.direction}
                data-testid="import-direction"
                onChange={(e) => onChange({ direction: e.target.value as 'below' | 'above' })}
              >
                <option value="below">at or below the threshold</option>
                <option value="above">at or above the threshold</option>
              </select>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
