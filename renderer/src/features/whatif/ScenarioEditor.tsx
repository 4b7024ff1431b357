import { FIELD_HELP } from '#shared/simulation/field-help';
import { SHAPE_PRESETS } from '#shared/simulation/scenario';
import { DeploysFields } from './DeploysFields';
import { CheckField, DurationField, NumberField, SelectField } from './EditorFields';
import { EventsFields } from './EventsFields';
import type { ScenarioDraft } from './scenario-draft';

type Props = {
  draft: ScenarioDraft;
  change(patch: Partial<ScenarioDraft>): void;
  issues: Readonly<Record<string, string>>;
  /** Whether the SLI has imported history, so fields may take their values from it. */
  hasHistory: boolean;
};

const SHAPE_LABELS: Record<ScenarioDraft['shape'], string> = {
  flat: 'Flat: the same every hour',
  web: 'Web: busy evenings, quieter weekends',
  'business-hours': 'Business hours: weekdays 8–18',
  'nightly-batch': 'Nightly batch: traffic at night',
  history: 'From history: the imported weekly shape',
  custom: 'Custom hourly and weekday weights (from a file)',
};

const DEPENDENCY_SOURCES = [
  { value: 'slo', label: 'Their availability SLOs' },
  { value: 'scenarios', label: 'Their own first scenario' },
] as const;

const FREEZE_CHOICES = [
  { value: 'warning', label: 'Warning' },
  { value: 'critical', label: 'Critical' },
  { value: 'exhausted', label: 'Exhausted' },
] as const;

/**
 * Every field of a scenario with its unit and one-line explanation, each number checked as it is typed by the
 * scenario schema; fields that can take their value from history offer it where the SLI has history.
 */
export function ScenarioEditor({ draft, change, issues, hasHistory }: Props) {
  const history = (field: ScenarioDraft['fromHistory'][number]) =>
    hasHistory || draft.fromHistory.includes(field)
      ? {
          on: draft.fromHistory.includes(field),
          onToggle: (on: boolean) => change({ fromHistory: on ? [...draft.fromHistory, field] : draft.fromHistory.filter((f) => f !== field) }),
        }
      : null;
  const shapes: ScenarioDraft['shape'][] = [...SHAPE_PRESETS];
  if (hasHistory || draft.shape === 'history') shapes.push('history');
  if (draft.shape === 'custom') shapes.push('custom');
  return (
    <form className="wf-editor" aria-label="Scenario" onSubmit={(e) => e.preventDefault()} data-testid="scenario-editor">
      <fieldset className="wf-section">
        <legend>Scenario</legend>
        <div className={`wf-field${issues.name ? ' field-invalid' : ''}`}>
          <label htmlFor="wf-name">{FIELD_HELP.name.label}</label>
          <input id="wf-name" value={draft.name} onChange={(e) => change({ name: e.target.value })} aria-invalid={Boolean(issues.name)} data-testid="wf-name" />
          {issues.name ? (
            <p className="field-error" role="alert">
              {issues.name}
            </p>
          ) : null}
        </div>
        <div className="wf-field">
          <label htmlFor="wf-description">{FIELD_HELP.description.label}</label>
          <textarea id="wf-description" rows={3} value={draft.description} onChange={(e) => change({ description: e.target.value })} />
          <p className="wf-help">{FIELD_HELP.description.help}</p>
        </div>
      </fieldset>
      <fieldset className="wf-section">
        <legend>Baseline and traffic</legend>
        <NumberField
          field="baseline.errorRate"
          value={draft.baselineErrorRate}
          onChange={(v) => change({ baselineErrorRate: v })}
          issues={issues}
          percent
          history={history('baseline.errorRate')}
        />
        <NumberField
          field="traffic.requestsPerDay"
          value={draft.requestsPerDay}
          onChange={(v) => change({ requestsPerDay: v })}
          issues={issues}
          placeholder="the service’s own"
          history={history('traffic.requestsPerDay')}
        />
        <SelectField
          field="traffic.shape"
          value={draft.shape}
          choices={shapes.map((s) => ({ value: s, label: SHAPE_LABELS[s] }))}
          onChange={(shape) => change({ shape })}
        />
        <NumberField field="traffic.growthPerMonth" value={draft.growthPerMonth} onChange={(v) => change({ growthPerMonth: v })} issues={issues} percent />
      </fieldset>
      <DeploysFields draft={draft} change={change} issues={issues} />
      <fieldset className="wf-section">
        <legend>Incidents</legend>
        <NumberField field="incidents.perWeek" value={draft.incidentsPerWeek} onChange={(v) => change({ incidentsPerWeek: v })} issues={issues} />
        <DurationField
          field="incidents.durationMinutes"
          draft={draft.incidentDuration}
          onChange={(d) => change({ incidentDuration: d })}
          issues={issues}
          allowHistory={hasHistory || draft.incidentDuration.mode === 'history'}
        />
        <NumberField field="incidents.errorRate" value={draft.incidentErrorRate} onChange={(v) => change({ incidentErrorRate: v })} issues={issues} percent />
        <NumberField field="incidents.excludedShare" value={draft.excludedShare} onChange={(v) => change({ excludedShare: v })} issues={issues} percent />
      </fieldset>
      <EventsFields draft={draft} change={change} issues={issues} />
      <fieldset className="wf-section">
        <legend>Dependencies and policy</legend>
        <CheckField field="dependencies.enabled" checked={draft.dependenciesEnabled} onChange={(on) => change({ dependenciesEnabled: on })} />
        {draft.dependenciesEnabled ? (
          <>
            <SelectField
              field="dependencies.from"
              value={draft.dependenciesFrom}
              choices={DEPENDENCY_SOURCES}
              onChange={(from) => change({ dependenciesFrom: from })}
            />
            <DurationField field="dependencies.outageMinutes" draft={draft.outage} onChange={(d) => change({ outage: d })} issues={issues} />
          </>
        ) : null}
        <CheckField field="policy.enabled" checked={draft.policyEnabled} onChange={(on) => change({ policyEnabled: on })} />
        {draft.policyEnabled ? (
          <SelectField field="policy.freezeAt" value={draft.freezeAt} choices={FREEZE_CHOICES} onChange={(freezeAt) => change({ freezeAt })} />
        ) : null}
      </fieldset>
    </form>
  );
}
