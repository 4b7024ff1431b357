import { useId } from 'react';
import type { TextEncodingName } from '#shared/importers/csv/decode';
import { ENCODING_CHOICES } from './import-model';
import { ChoiceOptions } from '../../components/Options';

type Props = {
  /** The encoding the preview was read in, undefined for automatic. */
  value: TextEncodingName | undefined;
  /** Reads the file again in another encoding (undefined: automatic). */
  onChange(encoding: TextEncodingName | undefined): void;
};

/** The text encoding a file is read in, offered when it is not UTF-8 or one was chosen; changing it reads the preview again. */
export function EncodingField({ value, onChange }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-encoding`}>Text encoding</label>
      <select
        id={`${id}-encoding`}
        value={value ?? ''}
        data-testid="import-encoding"
        onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as TextEncodingName))}
      >
        <ChoiceOptions choices={ENCODING_CHOICES} />
      </select>
    </div>
  );
}
