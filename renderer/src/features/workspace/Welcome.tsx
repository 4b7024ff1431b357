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
        A workspace holds your services, their SLIs and three tiers for each: the <strong>SLA</strong> you promise customers, the <strong>SLO</strong> you
        commit to internally, and the <strong>performance target</strong> you aim for.
      </p>
      <div className="welcome-actions">
        <button className="primary big" onClick={() => void actions.newWorkspace()}>
          New workspace…
        </button>
        <button className="big" onClick={() => void actions.openWorkspace()}>
          Open workspace…
        </button>
      </div>
      <ol className="steps" aria-label="How it works">
        <li>
          <strong>1 · Services</strong>List the systems your users touch: checkout, search, login.
        </li>
        <li>
          <strong>2 · SLIs</strong>Say what you measure for each: the share of good requests, or of requests faster than a threshold.
        </li>
        <li>
          <strong>3 · Tiers</strong>Agree the SLA floor, the SLO and the performance target. Each shows its error budget and the buffer to the next.
          <span className="tier-legend" aria-hidden="true">
            <span>
              <span className="tier-dot dot-sla" />
              SLA
            </span>
            <span>
              <span className="tier-dot dot-slo" />
              SLO
            </span>
            <span>
              <span className="tier-dot dot-target" />
              Target
            </span>
          </span>
        </li>
      </ol>
      {recent.length > 0 ? (
        <section className="recent" aria-label="Recent workspaces">
          <h2>Recent</h2>
          <ul>
            {recent.map((r) => (
              <li key={r.id}>
                <button className="link" disabled={!r.exists} onClick={() => void actions.openRecent(r.id)}>
                  {r.name}
                </button>
                <span className="muted">
                  {' '}
                  {r.location !== r.name ? r.location : ''}
                  {r.exists ? '' : ' (missing)'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
