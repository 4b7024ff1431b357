import { useEffect, useRef, useState } from 'react';
import { TIER_LABELS, type Sli, type Tier } from '#shared/domain/types';
import { useApp } from '../../store/context';
import { CellInput } from './CellInput';
import { tierBudgetText } from './tier-budget';
import { draftOf, fieldOfError, rebaseDraft, validateDraft, type TierDraft, type TierDraftErrors, type TierDraftField } from './tier-draft';
import { TierMethodCell } from './TierMethodCell';
import { TierWindowCell } from './TierWindowCell';

type Props = { sli: Sli; tier: Tier; readOnly: boolean; warned: boolean; requestsPerDay: number | null; atMs: number };

/** One tier of one SLI: target, window, budgeting method and (latency) threshold, saved as soon as they are valid. */
export function TierRow({ sli, tier, readOnly, warned, requestsPerDay, atMs }: Props) {
  const edit = useApp((s) => s.edit);
  const objective = sli.objectives[tier];
  const stored = draftOf(sli, objective);
  const storedKey = JSON.stringify(stored);
  const [draft, setDraft] = useState<TierDraft>(stored);
  const [errors, setErrors] = useState<TierDraftErrors>({});
  const lastStored = useRef(storedKey);
  const current = useRef(draft);
  current.current = draft;
  useEffect(() => {
    if (lastStored.current === storedKey) return;
    const next = JSON.parse(storedKey) as TierDraft;
    const rebased = rebaseDraft(JSON.parse(lastStored.current) as TierDraft, next, current.current);
    lastStored.current = storedKey;
    setDraft(rebased);
    // Messages stay only beside fields still being edited.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => rebased[k as TierDraftField] !== next[k as TierDraftField])));
  }, [storedKey]);

  const commit = async (next: TierDraft) => {
    if (!objective && next.target.trim() === '') return setErrors({});
    if (JSON.stringify(next) === storedKey) return setErrors({});
    const checked = validateDraft(sli, tier, next);
    if (!checked.ok) return setErrors(checked.errors);
    const result = await edit('objective/set', checked.args);
    if (!result.ok) setErrors({ [fieldOfError(result.error.details?.field ?? '')]: result.error.message });
    else setErrors({});
  };
  const change = (patch: Partial<TierDraft>, commitNow = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
    if (commitNow) void commit(next);
  };
  const budget = objective ? tierBudgetText(objective, requestsPerDay, atMs) : null;
  const label = TIER_LABELS[tier];
  const testId = `tier-${sli.id}-${tier}`;
  const cell = { label, testId, draft, errors, readOnly, change, commit: () => void commit(draft) };

  return (
    <tr className={`tier-row tier-${tier} ${warned ? 'tier-warned' : ''}`} data-testid={testId}>
      <th scope="row">
        <span className="tier-label">
          <span className={`tier-dot dot-${tier}`} aria-hidden="true" />
          {tier === 'target' ? 'Performance target' : label}
        </span>
      </th>
      {/* One CellInput per field: the component holds the markup, these lines are its props only (as in TierWindowCell and TierMethodCell). */}
      <td>
        <CellInput
          label={`${label} target %`}
          value={draft.target}
          placeholder="99.9"
          testId={`${testId}-target`}
          error={errors.target}
          suffix="%"
          disabled={readOnly}
          onChange={(target) => change({ target })}
          onCommit={cell.commit}
        />
      </td>
      <TierWindowCell {...cell} />
      <TierMethodCell {...cell} />
      {sli.kind === 'latency' ? (
        <td>
          <CellInput
            label={`${label} threshold ms`}
            className="narrow"
            value={draft.threshold}
            testId={`${testId}-threshold`}
            error={errors.threshold}
            suffix="ms"
            disabled={readOnly}
            onChange={(threshold) => change({ threshold })}
            onCommit={cell.commit}
          />
        </td>
      ) : null}
      <td className="budget-cell">
        <div data-testid={`${testId}-budget`}>{budget ? budget.minutes : '—'}</div>
        {budget ? (
          <div className="budget-sub">
            <span data-testid={`${testId}-budget-percent`}>{budget.percent}</span>
            {budget.events ? (
              <>
                {' '}
                · <span data-testid={`${testId}-bad-events`}>{budget.events}</span>
              </>
            ) : null}
          </div>
        ) : null}
      </td>
      <td>
        {objective && !readOnly ? (
          <button
            className="icon"
            aria-label={`Clear ${label}`}
            title={`Clear the ${label}`}
            onClick={() => void edit('objective/clear', { sliId: sli.id, tier })}
          >
            ✕
          </button>
        ) : null}
      </td>
    </tr>
  );
}
