import { useState } from 'react';
import { TIER_LABELS, TIERS, type Tier } from '#shared/domain/types';
import { DEFAULT_REVIEW_MONTHS } from '#shared/review/cadence';
import { useApp } from '../../store/context';
import { dueWords } from './review-format';

type Props = { serviceId: number; readOnly: boolean };

/** When each tier of a service is reviewed again, overdue ones flagged, with each tier's review period editable. */
export function ReviewDates({ serviceId, readOnly }: Props) {
  const status = useApp((s) => s.reviewStatus);
  const mine = status?.services.find((s) => s.serviceId === serviceId);
  if (!status || !mine) return null;
  return (
    <section className="card review-dates" aria-labelledby="review-dates-title" data-testid="review-dates">
      <h2 id="review-dates-title">Review dates</h2>
      <p className={mine.overdue ? 'review-overdue' : 'muted'} data-testid="review-dates-text">
        {mine.overdue ? '⚠ ' : ''}
        {mine.text}
      </p>
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Reviewed every</th>
            <th scope="col">Next review</th>
          </tr>
        </thead>
        <tbody>
          {TIERS.map((tier) => {
            const review = mine.reviews.find((r) => r.tier === tier);
            return (
              <tr key={tier} className={review?.overdue ? 'overdue' : undefined} data-testid={`review-${tier}`}>
                <th scope="row">{TIER_LABELS[tier]}</th>
                <td>
                  <PeriodEditor serviceId={serviceId} tier={tier} months={mine.months[tier]} readOnly={readOnly} />
                </td>
                <td data-testid={`review-${tier}-next`}>
                  {review ? (
                    <>
                      {review.nextDay} <span className={review.overdue ? 'review-overdue' : 'muted'}>({dueWords(review, status.today)})</span>
                      <div className="small muted">
                        counted from its {review.from} on {review.fromDay}
                      </div>
                    </>
                  ) : (
                    <span className="muted">{mine.latestVersion === null ? 'never proposed' : 'not set in the reviewed version'}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** A tier's review period in months: typed and set, or put back to the default. */
function PeriodEditor({ serviceId, tier, months, readOnly }: { serviceId: number; tier: Tier; months: number; readOnly: boolean }) {
  const reviewEdit = useApp((s) => s.reviewEdit);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = text ?? String(months);
  const send = async (value: number | null) => {
    const result = await reviewEdit('review/set-period', { serviceId, tier, months: value });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setText(null);
  };
  if (readOnly) return <>{months} months</>;
  return (
    <form
      className="review-period"
      aria-label={`Review period of the ${TIER_LABELS[tier]}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send(Number(shown));
      }}
    >
      <label>
        <span className="sr-only">Review the {TIER_LABELS[tier]} every (months)</span>
        <input
          type="number"
          min={1}
          step={1}
          value={shown}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={Boolean(error)}
          data-testid={`review-${tier}-months`}
        />
      </label>{' '}
      months{' '}
      <button type="submit" disabled={text === null || shown === String(months)} data-testid={`review-${tier}-set`}>
        Set
      </button>{' '}
      <button
        type="button"
        className="link"
        onClick={() => void send(null)}
        data-testid={`review-${tier}-default`}
        aria-label={`Review the ${TIER_LABELS[tier]} at the default ${DEFAULT_REVIEW_MONTHS[tier]} months`}
        disabled={months === DEFAULT_REVIEW_MONTHS[tier]}
      >
        Default ({DEFAULT_REVIEW_MONTHS[tier]})
      </button>
      {error ? (
        <div className="field-error" role="alert" data-testid={`review-${tier}-error`}>
          {error}
        </div>
      ) : null}
    </form>
  );
}
