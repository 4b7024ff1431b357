import { FIELD_HELP } from '#shared/simulation/field-help';
import { WEEKDAYS } from '#shared/simulation/scenario';
import { DurationField, NumberField } from './EditorFields';
import type { ScenarioDraft } from './scenario-draft';

type Props = { draft: ScenarioDraft; change(patch: Partial<ScenarioDraft>): void; issues: Readonly<Record<string, string>> };

const DAY_NAMES: Record<(typeof WEEKDAYS)[number], string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** The deploys of a scenario: a rate or a weekday schedule, how often one fails, how long it hurts, and the canary. */
export function DeploysFields({ draft, change, issues }: Props) {
  const schedule = draft.deployMode === 'schedule';
  return (
    <fieldset className="wf-section">
      <legend>Deploys</legend>
      <div className="wf-radio" role="radiogroup" aria-label="How deploys are given">
        <label className="check">
          <input type="radio" name="deploy-mode" checked={!schedule} onChange={() => change({ deployMode: 'rate' })} data-testid="wf-deploys-rate" />
          At random times, so many a week
        </label>
        <label className="check">
          <input type="radio" name="deploy-mode" checked={schedule} onChange={() => change({ deployMode: 'schedule' })} data-testid="wf-deploys-schedule" />
          On a weekday schedule
        </label>
      </div>
      {schedule ? (
        <>
          <div className="wf-field" data-field="deploys.weekdays">
            <fieldset className="wf-days">
              <legend>
                {FIELD_HELP['deploys.weekdays'].label} <span className="wf-unit">({FIELD_HELP['deploys.weekdays'].unit})</span>
              </legend>
              {WEEKDAYS.map((d) => (
                <label key={d} className="check">
                  <input
                    type="checkbox"
                    checked={draft.weekdays.includes(d)}
                    onChange={(e) =>
                      change({
                        weekdays: e.target.checked ? WEEKDAYS.filter((w) => w === d || draft.weekdays.includes(w)) : draft.weekdays.filter((w) => w !== d),
                      })
                    }
                  />
                  {DAY_NAMES[d]}
                </label>
              ))}
            </fieldset>
            <p className="wf-help">{FIELD_HELP['deploys.weekdays'].help}</p>
            {issues['deploys.weekdays'] ? (
              <p className="field-error" role="alert">
                {issues['deploys.weekdays']}
              </p>
            ) : null}
          </div>
          <NumberField field="deploys.hour" value={draft.deployHour} onChange={(v) => change({ deployHour: v })} issues={issues} />
        </>
      ) : (
        <NumberField field="deploys.perWeek" value={draft.deploysPerWeek} onChange={(v) => change({ deploysPerWeek: v })} issues={issues} />
      )}
      <NumberField
        field="deploys.failureProbability"
        value={draft.failureProbability}
        onChange={(v) => change({ failureProbability: v })}
        issues={issues}
        percent
      />
      <NumberField field="deploys.errorRate" value={draft.deployErrorRate} onChange={(v) => change({ deployErrorRate: v })} issues={issues} percent />
      <DurationField field="deploys.detectMinutes" draft={draft.detect} onChange={(d) => change({ detect: d })} issues={issues} />
      <DurationField field="deploys.rollbackMinutes" draft={draft.rollback} onChange={(d) => change({ rollback: d })} issues={issues} />
      <NumberField field="deploys.canaryShare" value={draft.canaryShare} onChange={(v) => change({ canaryShare: v })} issues={issues} percent />
    </fieldset>
  );
}
