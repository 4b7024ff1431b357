import type { AlertTable } from './alert-table';

type Props = { table: AlertTable; testId: string; caption: string };

/** The page and ticket alerts of one objective: windows, burn-rate threshold, the error rate it means and the time to burn the budget. */
export function AlertsTable({ table, testId, caption }: Props) {
  if (!table.ok) {
    return <p className="alerts-refused" role="status" data-testid={`${testId}-message`}>{caption}: {table.message}</p>;
  }
  return (
    <table className="alerts" data-testid={testId}>
      <caption>{caption} <span className="muted">· windows from “{table.setName}”</span></caption>
      <thead>
        <tr>
          <th scope="col">Alert</th><th scope="col">Long window</th><th scope="col">Short window</th><th scope="col">Budget share</th>
          <th scope="col">Burn rate ≥</th><th scope="col">Error rate ≥</th><th scope="col">Budget gone in</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key} className={`alert-${r.severity}`} data-testid={`${testId}-${r.key}`}>
            <th scope="row">{r.severity === 'page' ? 'Page' : 'Ticket'} · {r.speed}</th>
            <td>{r.long}</td><td>{r.short}</td><td>{r.budget}</td>
            <td className="num" data-testid={`${testId}-${r.key}-factor`}>{r.factor}</td>
            <td className="num" data-testid={`${testId}-${r.key}-rate`}>{r.errorRate}</td>
            <td className="num" data-testid={`${testId}-${r.key}-exhaust`}>{r.exhaust}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
