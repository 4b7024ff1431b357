import { INJECTION_REPEATS, MAX_INJECTIONS } from '#shared/simulation/injection';
import { checkInjection, newInjection, type InjectionDraft } from './replay-draft';

type Props = { rows: InjectionDraft[]; onChange(rows: InjectionDraft[]): void; defaultStartMs: number };

const COLUMNS = [
  { key: 'name', label: 'Name', unit: 'text' },
  { key: 'startUtc', label: 'First start', unit: 'UTC' },
  { key: 'durationMinutes', label: 'Duration', unit: 'minutes' },
  { key: 'errorRate', label: 'Error rate', unit: 'fraction 0–1' },
] as const;

const REPEAT_LABELS = { once: 'once', daily: 'every day', weekly: 'every week' } as const;

/** The events injected into the replayed history: one-offs or daily or weekly repeats, each checked as it is typed. */
export function InjectionsEditor({ rows, onChange, defaultStartMs }: Props) {
  const set = (i: number, patch: Partial<InjectionDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="wf-section" data-testid="injections">
      <legend>Injected events</legend>
      {rows.length ? (
        <table className="wf-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {c.label} <span className="wf-unit">({c.unit})</span>
                </th>
              ))}
              <th scope="col">Repeats</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const checked = checkInjection(r);
              return (
                <tr key={i} data-testid={`injection-${i}`}>
                  {COLUMNS.map((c) => (
                    <td key={c.key}>
                      <input
                        type={c.key === 'startUtc' ? 'datetime-local' : 'text'}
                        aria-label={`${c.label} of injected event ${i + 1}`}
                        value={r[c.key]}
                        aria-invalid={!checked.ok}
                        onChange={(e) => set(i, { [c.key]: e.target.value })}
                        data-testid={`injection-${i}-${c.key}`}
                      />
                    </td>
                  ))}
                  <td>
                    <select
                      aria-label={`How often injected event ${i + 1} repeats`}
                      value={r.repeat}
                      onChange={(e) => set(i, { repeat: e.target.value as InjectionDraft['repeat'] })}
                    >
                      {INJECTION_REPEATS.map((x) => (
                        <option key={x} value={x}>
                          {REPEAT_LABELS[x]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                      Remove
                    </button>
                    {!checked.ok ? (
                      <p className="field-error" role="alert" data-testid={`injection-${i}-error`}>
                        {checked.message}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted">No injected event: the replay shows the history as it was on both sides.</p>
      )}
      <button
        type="button"
        disabled={rows.length >= MAX_INJECTIONS}
        onClick={() => onChange([...rows, newInjection(defaultStartMs)])}
        data-testid="injection-add"
      >
        Add injected event
      </button>
    </fieldset>
  );
}
