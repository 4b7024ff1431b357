import { DateTime } from 'luxon';
import { useState } from 'react';
import { checkRrule, EXCLUSION_CATEGORIES, EXCLUSION_CATEGORY_LABELS, type Exclusion, type ExclusionCategory } from '#shared/analysis/exclusions';
import { formatDuration } from '#shared/budget/alerts';
import type { Sli } from '#shared/domain/types';
import { Field } from '../../components/Field';
import { useApp } from '../../store/context';
import { draftToSpec, newDraft, type ExclusionDraft, type Repeat } from './exclusion-draft';
import { ChoiceOptions } from '../../components/Options';

const REPEATS: { value: Repeat; label: string }[] = [
  { value: 'once', label: 'Once' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week (same weekday)' },
  { value: 'monthly', label: 'Every month (same day)' },
  { value: 'custom', label: 'Custom RRULE' },
];

function describe(e: Exclusion): string {
  const start = DateTime.fromMillis(e.startMs, { zone: e.timeZone }).toFormat('ccc d LLL yyyy HH:mm');
  const rule = e.rrule ? checkRrule(e.rrule) : null;
  const repeat = rule === null ? '' : rule.ok ? `, repeating ${rule.description}` : `, repeating ${e.rrule}`;
  return `${start} (${e.timeZone}) for ${formatDuration(e.durationMinutes)}${repeat}`;
}

/** The service's exclusions, and a form to add one (one-off or recurring) with a category and a reason. */
export function ExclusionsPanel({ serviceId, sli }: { serviceId: number; sli: Sli }) {
  const exclusions = useApp((s) => s.exclusions);
  const add = useApp((s) => s.addExclusion);
  const remove = useApp((s) => s.deleteExclusion);
  const readOnly = useApp((s) => s.workspace.workspace?.readOnly ?? false);
  const [draft, setDraft] = useState<ExclusionDraft | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const change = <K extends keyof ExclusionDraft>(key: K, value: ExclusionDraft[K]) => {
    setDraft((d) => (d ? { ...d, [key]: value } : d));
    setError(null);
  };
  const submit = async () => {
    if (!draft) return;
    const out = draftToSpec(draft);
    if (!out.ok) return setError(out);
    const failure = await add(serviceId, draft.onlyThisSli ? sli.id : null, out.spec);
    if (failure) return setError({ field: String(failure.details?.field ?? ''), message: failure.message });
    setDraft(null);
  };
  const err = (field: string) => (error?.field === field ? error.message : null);

  return (
    <section className="card exclusions" aria-labelledby="exclusions-title" data-testid="exclusions-panel">
      <div className="card-head">
        <h3 id="exclusions-title">Exclusions</h3>
        {!draft && !readOnly ? (
          <button onClick={() => setDraft(newDraft(Intl.DateTimeFormat().resolvedOptions().timeZone, Date.now()))} data-testid="exclusion-new">
            + Exclude a period
          </button>
        ) : null}
      </div>
      <p className="muted">Periods left out of the analysis, such as planned maintenance. Every result is shown with and without them.</p>
      {exclusions.length === 0 ? (
        <p className="muted" data-testid="exclusions-empty">
          No exclusions yet.
        </p>
      ) : (
        <ul className="exclusion-list">
          {exclusions.map((e) => (
            <li key={e.id} data-testid="exclusion-item">
              <span className={`exclusion-chip chip-${e.category}`}>{EXCLUSION_CATEGORY_LABELS[e.category]}</span>
              <span>
                {describe(e)}
                {e.sliId !== null ? ' (this SLI only)' : ''}
              </span>
              <span className="muted">{e.reason}</span>
              {!readOnly ? (
                <button className="link danger" onClick={() => void remove(e.id)} aria-label={`Delete exclusion ${e.reason || describe(e)}`}>
                  Delete
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {draft ? (
        <form
          className="exclusion-form"
          data-testid="exclusion-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label className="field">
            <span>Category</span>
            <select value={draft.category} onChange={(e) => change('category', e.target.value as ExclusionCategory)} data-testid="exclusion-category">
              {EXCLUSION_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {EXCLUSION_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <Field label="Reason" value={draft.reason} onChange={(v) => change('reason', v)} error={err('reason')} testId="exclusion-reason" size="wide" />
          <label className={`field ${err('start') ? 'field-invalid' : ''}`}>
            <span>Starts (local time)</span>
            <input type="datetime-local" value={draft.start} onChange={(e) => change('start', e.target.value)} data-testid="exclusion-start" />
          </label>
          <Field
            label="Lasts"
            value={draft.duration}
            onChange={(v) => change('duration', v)}
            error={err('duration') ?? err('durationMinutes')}
            hint="e.g. 30m, 2h, 1d"
            testId="exclusion-duration"
            size="narrow"
          />
          <Field label="Time zone" value={draft.timeZone} onChange={(v) => change('timeZone', v)} error={err('timeZone')} testId="exclusion-zone" />
          <label className="field">
            <span>Repeats</span>
            <select value={draft.repeat} onChange={(e) => change('repeat', e.target.value as Repeat)} data-testid="exclusion-repeat">
              <ChoiceOptions choices={REPEATS} />
            </select>
          </label>
          {draft.repeat === 'custom' ? (
            <Field
              label="RRULE"
              value={draft.rrule}
              onChange={(v) => change('rrule', v)}
              error={err('rrule')}
              placeholder="FREQ=MONTHLY;BYDAY=1SA"
              testId="exclusion-rrule"
            />
          ) : null}
          {draft.repeat !== 'once' ? (
            <label className={`field ${err('until') ? 'field-invalid' : ''}`}>
              <span>Until (optional)</span>
              <input type="date" value={draft.until} onChange={(e) => change('until', e.target.value)} data-testid="exclusion-until" />
            </label>
          ) : null}
          <label className="check">
            <input type="checkbox" checked={draft.onlyThisSli} onChange={(e) => change('onlyThisSli', e.target.checked)} /> Only “{sli.name}” (else every SLI of
            the service)
          </label>
          {error && !['reason', 'duration', 'durationMinutes', 'timeZone', ...(draft.repeat === 'custom' ? ['rrule'] : [])].includes(error.field) ? (
            <div className="dialog-error" role="alert" data-testid="exclusion-error">
              {error.message}
            </div>
          ) : null}
          <div className="modal-actions">
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="submit" className="primary" data-testid="exclusion-save">
              Add exclusion
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
