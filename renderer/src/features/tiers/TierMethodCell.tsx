import { BUDGETING_METHODS, METHOD_LABELS, type BudgetingMethod } from '#shared/domain/types';
import type { TierCellProps } from './tier-draft';
import { CellInput } from './CellInput';

/** The budgeting method of a tier and, for the time-slice methods, the slice length and the share that makes a slice good. */
export function TierMethodCell({ label, testId, draft, errors, readOnly, change, commit }: TierCellProps) {
  return (
    <td>
      <div className="cell-stack">
        <select
          aria-label={`${label} budgeting method`}
          value={draft.method}
          disabled={readOnly}
          data-testid={`${testId}-method`}
          onChange={(e) => change({ method: e.target.value as BudgetingMethod }, true)}
        >
          {BUDGETING_METHODS.map((m) => (
            <option key={m} value={m}>
              {METHOD_LABELS[m]}
            </option>
          ))}
        </select>
        {/* One CellInput per field: the component holds the markup, these lines are its props only (as in TierRow and TierWindowCell). */}
        {draft.method === 'occurrences' ? null : (
          <>
            <CellInput
              label={`${label} slice length minutes`}
              className="narrow"
              value={draft.sliceMinutes}
              testId={`${testId}-slice`}
              error={errors.sliceMinutes}
              suffix="min slices"
              disabled={readOnly}
              onChange={(sliceMinutes) => change({ sliceMinutes })}
              onCommit={commit}
            />
            <CellInput
              label={`${label} slice target %`}
              className="narrow"
              value={draft.sliceTarget}
              testId={`${testId}-slice-target`}
              error={errors.sliceTarget}
              suffix="% good per slice"
              disabled={readOnly}
              onChange={(sliceTarget) => change({ sliceTarget })}
              onCommit={commit}
            />
          </>
        )}
      </div>
    </td>
  );
}
