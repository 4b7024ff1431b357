import { useApp } from '../../store/context';
import { useWorkspaceActions } from './useWorkspaceActions';

/** The first screen: create or open a workspace, or pick a recent one. */
export function Welcome() {
  const recent = useApp((s) => s.recent);
  const actions = useWorkspaceActions();
  return (
    <main className="welcome">
      <h1>Agree how reliable each service must be</h1>
      <p className="lead">
        A workspace holds your services, their SLIs and three tiers for each: the <strong>SLA</strong> you promise customers,
        the <strong>SLO</strong> you commit to internally, and the <strong>performance target</strong> you aim for.
      </p>
      <div className="welcome-actions">
        <button className="primary big" onClick={() => void actions.newWorkspace()}>New workspace…</button>
        <button className="big" onClick={() => void actions.openWorkspace()}>Open workspace…</button>
      </div>
      {recent.length > 0 ? (
        <section className="recent" aria-label="Recent workspaces">
          <h2>Recent</h2>
          <ul>
            {recent.map((r) => (
              <li key={r.id}>
                <button className="link" disabled={!r.exists} onClick={() => void actions.openRecent(r.id)}>{r.name}</button>
                <span className="muted"> {r.location}{r.exists ? '' : ' (missing)'}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
