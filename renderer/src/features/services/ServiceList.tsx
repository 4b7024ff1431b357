import { useEffect, useState } from 'react';
import { checkName } from '#shared/domain/validation';
import { tierWarnings } from '#shared/domain/tiers';
import { assessAll } from '#shared/budget/feasibility';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';

/** The sidebar: every service, how many SLIs and warnings it has, and a field to add one. */
export function ServiceList() {
  const services = useApp((s) => s.services);
  const feasibility = assessAll(services);
  const selected = useApp((s) => s.selectedServiceId);
  const select = useApp((s) => s.select);
  const edit = useApp((s) => s.edit);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const reviews = useApp((s) => s.reviewStatus);
  const refreshReviewStatus = useApp((s) => s.refreshReviewStatus);
  // Any catalog change (an edit, an undo, another window's) can move a review date: refetch them with the services.
  useEffect(() => {
    void refreshReviewStatus();
  }, [services, refreshReviewStatus]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    const check = checkName(name, 'Service name');
    if (!check.ok) return setError(check.message);
    const result = await edit('service/create', { name: check.value });
    if (!result.ok) return setError(result.error.message);
    // Clear only what was submitted: anything typed while the request was on its way stays.
    setName((current) => (current === name ? '' : current));
    setError(null);
    select(result.value.id);
  };

  return (
    <aside className="sidebar" aria-label="Services">
      <h2>Services</h2>
      <ul className="service-list" data-testid="service-list">
        {services.map((s) => {
          // An availability SLO above what the service's dependencies allow counts as one more warning.
          const warnings = s.slis.reduce((n, sli) => n + tierWarnings(sli).length, 0) + (feasibility.get(s.id)?.status === 'infeasible' ? 1 : 0);
          const review = reviews?.services.find((r) => r.serviceId === s.id);
          return (
            <li key={s.id}>
              <button className={s.id === selected ? 'service-item selected' : 'service-item'} aria-current={s.id === selected} onClick={() => select(s.id)}>
                <span className="service-name">{s.name}</span>
                <span className="muted small">
                  {s.slis.length} SLI{s.slis.length === 1 ? '' : 's'}
                </span>
                {warnings > 0 ? (
                  <span className="badge badge-warn" title="Tier ordering warnings, and an SLO above its dependency ceiling">
                    ⚠ {warnings}
                  </span>
                ) : null}
                {review?.overdue ? (
                  <span className="badge badge-warn" title={review.text} data-testid="review-overdue">
                    Review overdue
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
        {services.length === 0 ? <li className="muted">No services yet — add the first one below.</li> : null}
      </ul>
      {readOnly ? null : (
        <form
          className="add-service"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Field
            label="New service"
            value={name}
            placeholder="e.g. checkout"
            onChange={(v) => {
              setName(v);
              setError(null);
            }}
            error={error}
            testId="new-service-name"
          />
          <button type="submit" className="primary">
            Add service
          </button>
        </form>
      )}
    </aside>
  );
}
