import { FIELD_HELP } from '#shared/simulation/field-help';
import { NEW_EVENT, type EventDraft, type ScenarioDraft } from './scenario-draft';

type Props = { draft: ScenarioDraft; change(patch: Partial<ScenarioDraft>): void; issues: Readonly<Record<string, string>> };

const KEYS = ['name', 'day', 'durationMinutes', 'errorRate'] as const;

/** The scheduled one-off events of a scenario as rows: name, day, minutes, error rate and whether it is excluded. */
export function EventsFields({ draft, change, issues }: Props) {
  const set = (i: number, patch: Partial<EventDraft>) => change({ events: draft.events.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  return (
    <fieldset className="wf-section wf-events">
      <legend>{FIELD_HELP.events.label}</legend>
      <p className="wf-help">{FIELD_HELP.events.help}</p>
      {draft.events.length ? (
        <table className="wf-table">
          <thead>
            <tr>
              {KEYS.map((k) => (
                <th key={k} scope="col" title={FIELD_HELP[`events[].${k}`].help}>
                  {FIELD_HELP[`events[].${k}`].label} <span className="wf-unit">({FIELD_HELP[`events[].${k}`].unit})</span>
                </th>
              ))}
              <th scope="col">{FIELD_HELP['events[].excluded'].label}</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.events.map((e, i) => {
              const messages = KEYS.map((k) => issues[`events[${i}].${k}`]).filter(Boolean);
              return (
                <tr key={i} data-testid={`wf-event-${i}`}>
                  {KEYS.map((k) => (
                    <td key={k}>
                      <input
                        aria-label={`${FIELD_HELP[`events[].${k}`].label} of event ${i + 1}`}
                        value={e[k]}
                        aria-invalid={Boolean(issues[`events[${i}].${k}`])}
                        onChange={(ev) => set(i, { [k]: ev.target.value })}
                      />
                    </td>
                  ))}
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Event ${i + 1} is excluded`}
                      checked={e.excluded}
                      onChange={(ev) => set(i, { excluded: ev.target.checked })}
                    />
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => change({ events: draft.events.filter((_, j) => j !== i) })}>
                      Remove
                    </button>
                    {messages.length ? (
                      <p className="field-error" role="alert">
                        {messages.join('; ')}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <button type="button" onClick={() => change({ events: [...draft.events, NEW_EVENT] })} data-testid="wf-event-add">
        Add event
      </button>
    </fieldset>
  );
}
