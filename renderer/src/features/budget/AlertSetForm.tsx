import { useState } from 'react';
import { ALERT_KEYS } from '#shared/budget/alerts';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';
import { alertSetDraftOf, validateAlertSetDraft, type AlertSetDraft, type AlertWindowDraft } from './alert-set-draft';

type Props = { editing: { id: number; draft: AlertSetDraft } | null; onDone(): void };

const COLUMNS: { key: keyof AlertWindowDraft; label: string }[] = [
  { key: 'budgetPercent', label: 'budget %' },
  { key: 'short', label: 'short window' },
  { key: 'long', label: 'long window' },
];

/** The form for one of the team's alert sets: name, SLO period, and the four window pairs; nothing is saved while any field is wrong. */
export function AlertSetForm({ editing, onDone }: Props) {
  const edit = useApp((s) => s.edit);
  const [draft, setDraft] = useState<AlertSetDraft>(editing?.draft ?? alertSetDraftOf());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const setWindow = (severity: 'page' | 'ticket', speed: 'quick' | 'slow', key: keyof AlertWindowDraft, value: string) => {
    setDraft({ ...draft, [severity]: { ...draft[severity], [speed]: { ...draft[severity][speed], [key]: value } } });
    setErrors({ ...errors, [`${severity}.${speed}.${key}`]: '' });
    setFormError(null);
  };
  const setField = (key: 'name' | 'period', value: string) => {
    setDraft({ ...draft, [key]: value });
    setErrors({ ...errors, [key]: '' });
    setFormError(null);
  };
  const save = async () => {
    const checked = validateAlertSetDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return setFormError(checked.form);
    }
    const result = await edit('alerts/save-set', editing ? { id: editing.id, set: checked.set } : { set: checked.set });
    if (!result.ok) return setFormError(result.error.message);
    setDraft(alertSetDraftOf());
    onDone();
  };

  return (
    <form
      className="alert-set-form"
      aria-label="Alert set"
      data-testid="alert-set-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {/* Two Fields, each its own label and hint: the Field component holds the markup, these lines are its props only. */}
      <div className="row">
        <Field
          label="Name"
          value={draft.name}
          placeholder="e.g. weekly on-call"
          testId="alert-set-name"
          error={errors.name || null}
          onChange={(name) => setField('name', name)}
        />
        <Field
          label="SLO period"
          value={draft.period}
          size="narrow"
          testId="alert-set-period"
          error={errors.period || null}
          hint="e.g. 30d, 4w"
          onChange={(period) => setField('period', period)}
        />
      </div>
      {/* A header row over its columns: alike in shape to DowntimeTable's header, the columns differ. */}
      <table className="alert-set-grid">
        <thead>
          <tr>
            <th scope="col">Alert</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ALERT_KEYS.map(({ severity, speed }) => (
            <tr key={`${severity}-${speed}`}>
              <th scope="row">
                {severity} · {speed}
              </th>
              {COLUMNS.map((c) => {
                const key = `${severity}.${speed}.${c.key}`;
                return (
                  <td key={c.key}>
                    <input
                      aria-label={`${severity} ${speed} ${c.label}`}
                      value={draft[severity][speed][c.key]}
                      aria-invalid={Boolean(errors[key])}
                      data-testid={`alert-set-${severity}-${speed}-${c.key}`}
                      onChange={(e) => setWindow(severity, speed, c.key, e.target.value)}
                    />
                    {errors[key] ? (
                      <div className="field-error" role="alert">
                        {errors[key]}
                      </div>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {formError ? (
        <div className="dialog-error" role="alert" data-testid="alert-set-error">
          {formError}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="alert-set-save">
          {editing ? 'Save alert set' : 'Add alert set'}
        </button>
        {editing ? (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
