type Props = {
  label: string;
  value: string;
  testId: string;
  error?: string | undefined;
  suffix?: string;
  className?: string;
  placeholder?: string;
  disabled: boolean;
  onChange(value: string): void;
  onCommit(): void;
};

/** A compact input of the tier table with its suffix and, under it, its message; Enter and leaving the field commit. */
export function CellInput({ label, value, testId, error, suffix, className, placeholder, disabled, onChange, onCommit }: Props) {
  return (
    <>
      <div className="cell-input">
        <input
          className={className}
          aria-label={label}
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          data-testid={testId}
          aria-invalid={Boolean(error)}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onCommit}
          onKeyDown={(e) => e.key === 'Enter' && onCommit()}
        />
        {suffix ? <span className="field-suffix">{suffix}</span> : null}
      </div>
      {error ? (
        <div className="field-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </div>
      ) : null}
    </>
  );
}
