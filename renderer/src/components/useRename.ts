import { useEffect, useState } from 'react';
import { checkName } from '#shared/domain/validation';
import type { Result } from '#shared/ipc/errors';

/**
 * An in-place name editor: the typed text, its error, and a commit that checks the name with the shared rule
 * and saves it. The text follows the stored name whenever that changes (an undo, another window).
 */
export function useRename(stored: string, what: string, save: (name: string) => Promise<Result<unknown>>) {
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setValue(stored);
    setError(null);
  }, [stored]);

  const commit = async () => {
    if (value === stored) return setError(null);
    const check = checkName(value, what);
    if (!check.ok) return setError(check.message);
    const result = await save(check.value);
    setError(result.ok ? null : result.error.message);
  };
  const change = (next: string) => {
    setValue(next);
    setError(null);
  };
  return { value, error, change, commit };
}
