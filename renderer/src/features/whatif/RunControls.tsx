import { useId, useState } from 'react';
import { DEFAULT_SEED, DEFAULT_TRIALS, seedSchema, trialsSchema } from '#shared/simulation/scenario';
import type { SimulationJobState } from '../../store/simulation-slice';
import { typedNumber } from './scenario-draft';

type Props = {
  what: string;
  /** Why the run cannot start (the draft's problems), or null when it can. */
  blocked: string | null;
  job: SimulationJobState | null;
  /** The kind of job these controls start, so the progress bar shows only under the button that started it. */
  kind: SimulationJobState['kind'];
  onRun(trials: number, seed: number): void;
  onCancel(): void;
  initial?: { trials: number; seed: number };
};

const checkOf = (schema: typeof trialsSchema | typeof seedSchema, text: string) => {
  const r = schema.safeParse(typedNumber(text.replace(/[,_\s]/g, '')));
  return r.success ? { value: r.data, error: null } : { value: null, error: r.error.issues[0]?.message ?? 'not a number' };
};

/** Trials and seed (shown, editable, checked by the contract's schemas), Run, and while it runs a progress bar and Cancel. */
export function RunControls({ what, blocked, job, kind, onRun, onCancel, initial }: Props) {
  const id = useId();
  const [trialsText, setTrials] = useState(String(initial?.trials ?? DEFAULT_TRIALS));
  const [seedText, setSeed] = useState(String(initial?.seed ?? DEFAULT_SEED));
  const trials = checkOf(trialsSchema, trialsText);
  const seed = checkOf(seedSchema, seedText);
  const mine = job?.kind === kind ? job : null;
  const disabled = blocked !== null || trials.value === null || seed.value === null || job !== null;
  return (
    <div className="wf-run" role="group" aria-label={`Run ${what}`}>
      <div className={`wf-field${trials.error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-trials`}>Trials</label>
        <input
          id={`${id}-trials`}
          inputMode="numeric"
          value={trialsText}
          onChange={(e) => setTrials(e.target.value)}
          aria-invalid={Boolean(trials.error)}
          data-testid={`${kind}-trials`}
        />
        {trials.error ? (
          <p className="field-error" role="alert">
            {trials.error}
          </p>
        ) : null}
      </div>
      <div className={`wf-field${seed.error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-seed`}>Seed</label>
        <input
          id={`${id}-seed`}
          inputMode="numeric"
          value={seedText}
          onChange={(e) => setSeed(e.target.value)}
          aria-invalid={Boolean(seed.error)}
          data-testid={`${kind}-seed`}
        />
        {seed.error ? (
          <p className="field-error" role="alert">
            {seed.error}
          </p>
        ) : null}
      </div>
      <button type="button" className="primary" disabled={disabled} onClick={() => onRun(trials.value!, seed.value!)} data-testid={`${kind}-start`}>
        {kind === 'run' ? 'Run' : 'Run sensitivity'}
      </button>
      {mine ? (
        <div className="wf-progress">
          <progress
            aria-label={`Progress of the ${kind === 'run' ? 'simulation' : 'sensitivity run'}`}
            max={mine.total || 1}
            {...(mine.total ? { value: mine.done } : {})}
            data-testid={`${kind}-progress`}
          />
          <span role="status" aria-live="polite">
            {mine.cancelling
              ? 'Cancelling…'
              : mine.total
                ? `${mine.done.toLocaleString('en-US')} of ${mine.total.toLocaleString('en-US')} trials`
                : 'Starting…'}
          </span>
          <button type="button" className="danger" onClick={onCancel} disabled={mine.cancelling} data-testid={`${kind}-cancel`}>
            Cancel
          </button>
        </div>
      ) : null}
      {blocked ? (
        <p className="wf-blocked" role="status" data-testid={`${kind}-blocked`}>
          {blocked}
        </p>
      ) : null}
    </div>
  );
}
