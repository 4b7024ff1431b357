/** One short paragraph per budgeting method, folded under the tier table. */
export function MethodHelp() {
  return (
    <details className="method-help">
      <summary>How each budgeting method counts the budget</summary>
      <dl>
        <dt>Occurrences</dt>
        <dd>The share of good events over the whole window. The budget is (1 − target) of the window’s minutes, or of its requests once traffic is known.</dd>
        <dt>Timeslices</dt>
        <dd>
          The window is cut into slices of the slice length; a slice is good when its own share of good events meets the slice target. The objective is the
          share of good slices, so the budget counts whole bad slices.
        </dd>
        <dt>RatioTimeslices</dt>
        <dd>The average of the per-slice ratios: every slice weighs the same, however much traffic it had. The budget is (1 − target) of the window.</dd>
      </dl>
    </details>
  );
}
