import { useEffect } from 'react';
import { NamedOptions } from '../../components/Options';
import { useApp } from '../../store/context';
import { reviewedServiceId } from '../../store/review-slice';
import { CommentsPanel } from './CommentsPanel';
import { RequiredRoles } from './RequiredRoles';
import { ReviewDates } from './ReviewDates';
import { SignoffPanel } from './SignoffPanel';
import { VersionDiffPanel } from './VersionDiffPanel';
import { VersionList } from './VersionList';

/**
 * The Review screen of one service: its proposed versions and the draft, the sign-off of the shown version by the
 * required roles, comments on it, a diff between any two versions, and when each tier is reviewed again.
 */
export function ReviewView() {
  const services = useApp((s) => s.services);
  const selectService = useApp((s) => s.select);
  const serviceId = useApp(reviewedServiceId);
  const versions = useApp((s) => s.reviewVersions);
  const shown = useApp((s) => s.reviewVersion);
  const error = useApp((s) => s.reviewError);
  const showReview = useApp((s) => s.showReview);
  const refreshReview = useApp((s) => s.refreshReview);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const service = services.find((s) => s.id === serviceId);

  useEffect(() => {
    showReview(true);
    return () => showReview(false);
  }, [showReview]);
  // Another service chosen here or on another screen: its review.
  useEffect(() => {
    void refreshReview();
  }, [serviceId, refreshReview]);

  if (!service) return <main className="panel muted">Add a service on the Services screen first.</main>;
  const loaded = versions?.serviceId === service.id ? versions : null;
  const summary = loaded?.versions.find((v) => v.number === shown) ?? null;
  return (
    <main className="review" aria-label="Review" data-testid="review-view">
      <div className="history-bar" role="toolbar" aria-label="Review">
        <label className="field">
          <span>Service</span>
          <select value={service.id} onChange={(e) => selectService(Number(e.target.value))} data-testid="review-service">
            <NamedOptions items={services} />
          </select>
        </label>
        {loaded ? (
          <p className="review-draft" data-testid="review-draft">
            {loaded.draft.text}
            {loaded.approvedVersion !== null ? ` · version ${loaded.approvedVersion} is the approved one` : ''}
          </p>
        ) : null}
      </div>
      {error ? (
        <div className="notice notice-error" role="alert" data-testid="review-error">
          {error.message}
        </div>
      ) : null}
      {!loaded ? (
        <p className="muted">Loading the review of {service.name}…</p>
      ) : (
        <div className="review-grid">
          <div className="review-column">
            <VersionList versions={loaded} readOnly={readOnly} />
            {loaded.versions.length > 0 ? <VersionDiffPanel key={service.id} versions={loaded} /> : null}
            {summary ? <SignoffPanel serviceId={service.id} version={summary} readOnly={readOnly} /> : null}
          </div>
          <div className="review-column">
            <ReviewDates serviceId={service.id} readOnly={readOnly} />
            {summary ? <CommentsPanel serviceId={service.id} version={summary.number} readOnly={readOnly} /> : null}
            <RequiredRoles readOnly={readOnly} />
          </div>
        </div>
      )}
    </main>
  );
}
