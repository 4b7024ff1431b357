import { Field } from '../../components/Field';
import { NINES } from './calculator-model';

type Props = { target: string; error: string | null; onChange(target: string): void };

/** The target: typed ("99.9") or picked from the usual nines. */
export function TargetPicker({ target, error, onChange }: Props) {
  return (
    <div className="target-picker">
      <Field label="Target" value={target} suffix="%" size="narrow" testId="calc-target" error={error} onChange={onChange} placeholder="99.9" />
      <div className="nines" role="group" aria-label="Common targets">
        {NINES.map((n) => (
          <button
            key={n}
            type="button"
            aria-pressed={target.trim() === n}
            className={target.trim() === n ? 'active' : ''}
            onClick={() => onChange(n)}
            data-testid={`calc-nines-${n}`}
          >
            {n} %
          </button>
        ))}
      </div>
    </div>
  );
}
