import { Fragment } from 'react';
import type { AlertTable } from './alert-table';

type Props = { table: AlertTable; testId: string; caption: string };

/**
 * The page and ticket alerts of one objective: windows, burn-rate threshold, the error rate it means and the time to
 * burn the budget, with a line under an alert that can never fire or fires within budget saying what to change.
 * Thresholds read "above": an alert fires when both windows burn faster than its factor, as Prometheus rules do.
 */
export function AlertsTable({ table, testId, caption }: Props) {
  if (!table.ok) {
    return (
      <p className="alerts-refused" role="status" data-testid={`${testId}-message`}>
        {caption}: {table.message}
      </p>
    );
  }
  return (
    <table className="alerts" data-testid={testId}>
      <caption>
        {caption} <span className="muted">· windows from “{table.setName}”</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">Alert</th>
          <th scope="col">Long window</th>
          <th scope="col">Short window</th>
          <th scope="col">Budget share</th>
          <th scope="col">Burn rate above</th>
          <th scope="col">Error rate above</th>
          <th scope="col">Budget gone in</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <Fragment key={r.key}>
            <tr className={`alert-${r.severity}${r.warning ? ' alert-warned' : ''}`} data-testid={`${testId}-${r.key}`}>
              <th scope="row">
                {r.severity === 'page' ? 'Page' : 'Ticket'} · {r.speed}
              </th>
              <td>{r.long}</td>
              <td>{r.short}</td>
              <td>{r.budget}</td>
              <td className="num" data-testid={`${testId}-${r.key}-factor`}>
                {r.factor}
              </td>
              <td className="num" data-testid={`${testId}-${r.key}-rate`}>
                {r.errorRate}
              </td>
              <td className="num" data-testid={`${testId}-${r.key}-exhaust`}>
                {r.exhaust}
              </td>
            </tr>
            {r.warning ? (
              <tr className="alert-warning-row">
                <td colSpan={7} role="note" data-testid={`${testId}-${r.key}-warning`}>
                  <strong>
                    {r.severity === 'page' ? 'Page' : 'Ticket'} · {r.speed}:
                  </strong>{' '}
                  {r.warning}
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
