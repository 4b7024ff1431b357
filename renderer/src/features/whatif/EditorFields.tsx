import { useId, type ReactNode } from 'react';
import { FIELD_HELP, type HelpedField } from '#shared/simulation/field-help';
import { typedNumber, type DurationDraft, type DurationMode } from './scenario-draft';

type Issues = Readonly<Record<string, string>>;

/** The label, unit and one-line explanation of a field, and its message when the schema refuses it. */
function Frame({ field, id, error, children }: { field: HelpedField; id: string; error: string | undefined; children: ReactNode }) {
  const help = FIELD_HELP[field];
  return (
    <div className={`wf-field${error ? ' field-invalid' : ''}`} data-field={field}>
      <label htmlFor={id}>
        {help.label} <span className="wf-unit">({help.unit})</span>
      </label>
      {children}
      <p className="wf-help" id={`${id}-help`}>
        {help.help}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid={`wf-error-${field}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Props of NumberField; see the component. */
export type NumberFieldProps = {
  field: HelpedField;
  value: string;
  onChange(value: string): void;
  issues: Issues;
  /** Offered where the SLI has imported history: take the value from it instead of typing one. */
  history?: { on: boolean; onToggle(on: boolean): void } | null;
  /** Shows what a fraction reads as a percentage ("= 5 %") beside the input. */
  percent?: boolean;
  placeholder?: string;
};

/** A number typed in the scenario's own unit, checked as it is typed by the scenario schema. */
export function NumberField({ field, value, onChange, issues, history = null, percent = false, placeholder }: NumberFieldProps) {
  const id = useId();
  const error = issues[field];
  const n = typedNumber(value);
  const fromHistory = history?.on ?? false;
  return (
    <Frame field={field} id={id} error={error}>
      <div className="wf-input-row">
        <input
          id={id}
          inputMode="decimal"
          value={fromHistory ? '' : value}
          disabled={fromHistory}
          placeholder={fromHistory ? 'from history' : placeholder}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          data-testid={`wf-${field}`}
          onChange={(e) => onChange(e.target.value)}
        />
        {percent && !fromHistory && Number.isFinite(n) ? <span className="wf-percent">= {Number((n * 100).toFixed(3))} %</span> : null}
        {history ? (
          <label className="check">
            <input type="checkbox" checked={fromHistory} onChange={(e) => history.onToggle(e.target.checked)} data-testid={`wf-${field}-history`} />
            from history
          </label>
        ) : null}
      </div>
    </Frame>
  );
}

const MODE_LABELS: Record<DurationMode, string> = { fixed: 'Fixed minutes', lognormal: 'Median and p90', history: 'From history' };

/** Props of DurationField; see the component. */
export type DurationFieldProps = { field: HelpedField; draft: DurationDraft; onChange(next: DurationDraft): void; issues: Issues; allowHistory?: boolean };

/** A duration: fixed minutes, or a lognormal spread given by its median and 90th percentile, or (incidents) the history's own. */
export function DurationField({ field, draft, onChange, issues, allowHistory = false }: DurationFieldProps) {
  const id = useId();
  const error = issues[field] ?? issues[`${field}.median`] ?? issues[`${field}.p90`];
  const modes: DurationMode[] = allowHistory ? ['fixed', 'lognormal', 'history'] : ['fixed', 'lognormal'];
  const input = (key: 'minutes' | 'median' | 'p90', label: string) => (
    <label className="wf-sub">
      <span>{label}</span>
      <input
        inputMode="decimal"
        value={draft[key]}
        aria-invalid={Boolean(error)}
        data-testid={`wf-${field}-${key}`}
        onChange={(e) => onChange({ ...draft, [key]: e.target.value })}
      />
    </label>
  );
  return (
    <Frame field={field} id={id} error={error}>
      <div className="wf-input-row">
        <select id={id} value={draft.mode} onChange={(e) => onChange({ ...draft, mode: e.target.value as DurationMode })} data-testid={`wf-${field}-mode`}>
          {modes.map((m) => (
            <option key={m} value={m}>
              {MODE_LABELS[m]}
            </option>
          ))}
        </select>
        {draft.mode === 'fixed' ? input('minutes', 'minutes') : null}
        {draft.mode === 'lognormal' ? (
          <>
            {input('median', 'median, minutes')}
            {input('p90', 'p90, minutes')}
          </>
        ) : null}
      </div>
    </Frame>
  );
}

/** A yes/no field with its explanation. */
export function CheckField({ field, checked, onChange }: { field: HelpedField; checked: boolean; onChange(on: boolean): void }) {
  const help = FIELD_HELP[field];
  return (
    <div className="wf-field" data-field={field}>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={`wf-${field}`} />
        {help.label}
      </label>
      <p className="wf-help">{help.help}</p>
    </div>
  );
}

/** A choice among fixed values, with its label, unit and explanation. */
export function SelectField<T extends string>({
  field,
  value,
  choices,
  onChange,
}: {
  field: HelpedField;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange(value: T): void;
}) {
  const id = useId();
  return (
    <Frame field={field} id={id} error={undefined}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={`wf-${field}`}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
