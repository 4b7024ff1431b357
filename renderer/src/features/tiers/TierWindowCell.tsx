import { WINDOW_CHOICES, type TierCellProps, type TierDraft } from './tier-draft';
import { CellInput } from './CellInput';
import { ChoiceOptions } from '../../components/Options';

/** The window of a tier: rolling days, or a calendar week / month / quarter / year in an IANA time zone. */
export function TierWindowCell({ label, testId, draft, errors, readOnly, change, commit }: TierCellProps) {
  return (
    <td>
      <div className="cell-stack">
        <select
          aria-label={`${label} window`}
          value={draft.windowKind}
          disabled={readOnly}
          data-testid={`${testId}-window`}
          onChange={(e) => change({ windowKind: e.target.value as TierDraft['windowKind'] }, true)}
        >
          <ChoiceOptions choices={WINDOW_CHOICES} />
        </select>
        {/* One CellInput per field: the component holds the markup, these lines are its props only (as in TierRow and TierMethodCell). */}
        {draft.windowKind === 'rolling' ? (
          <CellInput
            label={`${label} window days`}
            className="narrow"
            value={draft.days}
            testId={`${testId}-days`}
            error={errors.days}
            suffix="days"
            disabled={readOnly}
            onChange={(days) => change({ days })}
            onCommit={commit}
          />
        ) : (
          <CellInput
            label={`${label} time zone`}
            className="zone"
            value={draft.timeZone}
            testId={`${testId}-zone`}
            error={errors.timeZone}
            placeholder="UTC"
            disabled={readOnly}
            onChange={(timeZone) => change({ timeZone })}
            onCommit={commit}
          />
        )}
      </div>
    </td>
  );
}
