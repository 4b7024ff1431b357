import type { DowntimeCell } from './calculator-model';

/** Allowed downtime per day, week, 28 days, 30 days, quarter and year, and the bad requests allowed at the given traffic. */
export function DowntimeTable({ cells, target }: { cells: DowntimeCell[]; target: string }) {
  const withEvents = cells.some((c) => c.badEvents !== null);
  return (
    <table className="downtime" data-testid="calc-downtime">
      <caption>Error budget of {target} % per period</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Budget</span>
          </th>
          {cells.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      {/* One row per quantity, each with its own header and test ids: markup of the same shape on purpose. */}
      <tbody>
        <tr>
          <th scope="row">Allowed downtime</th>
          {cells.map((c) => (
            <td key={c.key} data-testid={`calc-downtime-${c.key}`}>
              {c.downtime}
            </td>
          ))}
        </tr>
        {withEvents ? (
          <tr>
            <th scope="row">Bad requests</th>
            {cells.map((c) => (
              <td key={c.key} data-testid={`calc-events-${c.key}`}>
                {c.badEvents}
              </td>
            ))}
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
