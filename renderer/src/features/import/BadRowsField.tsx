import { useId } from 'react';
import { BAD_ROW_CHOICES, type BadRows } from './import-model';
import { ChoiceOptions } from '../../components/Options';

/** What happens to rows that cannot be read: abort (the default, nothing stored) or skip them, with what each means. */
export function BadRowsField({ value, onChange }: { value: BadRows; onChange(value: BadRows): void }) {
  const id = useId();
  const chosen = BAD_ROW_CHOICES.find((c) => c.value === value) ?? BAD_ROW_CHOICES[0]!;
  return (
    <div className="field import-bad-rows-field">
      <label htmlFor={id}>Bad rows</label>
      <select id={id} value={value} data-testid="import-bad-rows" aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value as BadRows)}>
        <ChoiceOptions choices={BAD_ROW_CHOICES} />
      </select>
      <div className="field-hint import-hint" id={`${id}-hint`}>
        {chosen.hint}
      </div>
    </div>
  );
}
