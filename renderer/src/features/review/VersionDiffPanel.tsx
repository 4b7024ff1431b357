import { useEffect, useState } from 'react';
import type { ServiceVersions, VersionDiff } from '#shared/ipc/contract';
import type { AppError } from '#shared/ipc/errors';
import { useApp } from '../../store/context';

type Props = { versions: ServiceVersions };

const DRAFT = 'draft';

/** The two sides a diff starts with: the latest version against the draft while it changed, else the last two versions. */
function initialSides(versions: ServiceVersions): { from: number; to: number | null } {
  const latest = versions.versions.at(-1)?.number ?? 1;
  if (versions.draft.changed || latest === 1) return { from: latest, to: null };
  return { from: latest - 1, to: latest };
}

/** Every change between two versions (or a version and the current draft), with what history says of each changed tier. */
export function VersionDiffPanel({ versions }: Props) {
  const client = useApp((s) => s.client);
  const [sides, setSides] = useState(() => initialSides(versions));
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const numbers = versions.versions.map((v) => v.number);
  const from = numbers.includes(sides.from) ? sides.from : (numbers[0] ?? 1);
  const to = sides.to !== null && numbers.includes(sides.to) ? sides.to : null;

  // Refetched whenever the review is (a new version, or the draft edited on another screen).
  useEffect(() => {
    let current = true;
    void client.invoke('proposal/diff', { serviceId: versions.serviceId, from, to }).then((r) => {
      if (!current) return;
      setDiff(r.ok ? r.value : null);
      setError(r.ok ? null : r.error);
    });
    return () => {
      current = false;
    };
  }, [client, versions, from, to]);

  const toName = to === null ? 'the current draft' : `version ${to}`;
  return (
    <section className="card review-diff" aria-labelledby="review-diff-title" data-testid="review-diff">
      <h2 id="review-diff-title">What changed</h2>
      <div className="row">
        <label className="field">
          <span>From</span>
          <select value={from} onChange={(e) => setSides({ from: Number(e.target.value), to })} data-testid="diff-from">
            {numbers.map((n) => (
              <option key={n} value={n}>
                version {n}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>To</span>
          <select value={to ?? DRAFT} onChange={(e) => setSides({ from, to: e.target.value === DRAFT ? null : Number(e.target.value) })} data-testid="diff-to">
            {numbers.map((n) => (
              <option key={n} value={n}>
                version {n}
              </option>
            ))}
            <option value={DRAFT}>the current draft</option>
          </select>
        </label>
      </div>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="diff-error">
          {error.message}
        </p>
      ) : !diff ? (
        <p className="muted">Comparing…</p>
      ) : (
        <>
          <h3>
            {diff.changes.length === 0
              ? `No change from version ${from} to ${toName}`
              : `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'} from version ${from} to ${toName}`}
          </h3>
          <ul className="review-changes" data-testid="diff-changes">
            {diff.changes.map((c, i) => (
              <li key={i}>{c.text}</li>
            ))}
          </ul>
          {diff.impact.length > 0 ? (
            <>
              <h3>Historical impact</h3>
              <ul className="review-impact" data-testid="diff-impact">
                {diff.impact.map((x, i) => (
                  <li key={i}>{x.text}</li>
                ))}
              </ul>
            </>
          ) : null}
          {diff.notes.length > 0 ? (
            <ul className="muted review-notes" data-testid="diff-notes">
              {diff.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
