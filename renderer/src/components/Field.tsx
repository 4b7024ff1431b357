import { useId, type ReactNode } from 'react';

type Props = {
  label: string;
  value: string;
  onChange(value: string): void;
  onCommit?(): void;
  error?: string | null;
  placeholder?: string;
  suffix?: ReactNode;
  hint?: string;
  testId?: string;
  autoFocus?: boolean;
  size?: 'narrow' | 'wide';
};

/** A labelled text input with its validation message beside it; Enter and leaving the field commit. */
export function Field({ label, value, onChange, onCommit, error, placeholder, suffix, hint, testId, autoFocus, size }: Props) {
  const id = useId();
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${size ? `field-${size}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-input">
        <input
          id={id}
          value={value}
          placeholder={placeholder}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={testId}
          autoFocus={autoFocus}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => onCommit?.()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onCommit?.();
          }}
        />
        {suffix ? <span className="field-suffix">{suffix}</span> : null}
      </div>
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </div>
      ) : hint ? (
        <div className="field-hint">{hint}</div>
      ) : null}
    </div>
  );
}
