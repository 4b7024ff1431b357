import { useState } from 'react';
import { useApp } from '../../store/context';

/** The roles that must approve every version of the workspace, edited as one comma-separated list. */
export function RequiredRoles({ readOnly }: { readOnly: boolean }) {
  const roles = useApp((s) => s.reviewRoles);
  const reviewEdit = useApp((s) => s.reviewEdit);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = text ?? roles.join(', ');
  const save = async () => {
    const list = shown
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== '');
    const result = await reviewEdit('roles/set', { roles: list });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setText(null);
  };
  return (
    <section className="card review-roles" aria-labelledby="review-roles-title" data-testid="review-roles">
      <h2 id="review-roles-title">Roles that must approve</h2>
      <p className="muted small">A version is approved when every one of these roles approved it and nobody objects. The list holds for every service.</p>
      {readOnly ? (
        <p>{roles.join(', ')}</p>
      ) : (
        <form
          className="review-form"
          aria-label="Roles that must approve"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field field-wide">
            <span>Required roles (separated by commas)</span>
            <input value={shown} onChange={(e) => setText(e.target.value)} aria-invalid={Boolean(error)} data-testid="roles-input" />
          </label>
          <button type="submit" disabled={text === null} data-testid="roles-save">
            Save roles
          </button>
          {error ? (
            <p className="field-error" role="alert" data-testid="roles-error">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
