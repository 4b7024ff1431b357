import { useEffect, useState } from 'react';
import { PRESET_IDS, presetById, type PresetId } from '#shared/simulation/presets';
import { parseScenario, type Scenario } from '#shared/simulation/scenario';
import { useApp } from '../../store/context';
import { freeName } from './scenario-names';
import { windowsPhrase } from '#shared/simulation/summary';

/** The scenarios of the SLI: pick one, add one from a preset, rename, duplicate or delete it (each an undoable edit). */
export function ScenarioList({ readOnly }: { readOnly: boolean }) {
  const scenarios = useApp((s) => s.scenarios);
  const selectedId = useApp((s) => s.scenarioId);
  const select = useApp((s) => s.selectScenario);
  const save = useApp((s) => s.saveScenario);
  const remove = useApp((s) => s.deleteScenario);
  const [preset, setPreset] = useState<PresetId>('web-service');
  const selected = scenarios.find((s) => s.id === selectedId) ?? null;
  const [name, setName] = useState(selected?.scenario.name ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  useEffect(() => {
    setName(selected?.scenario.name ?? '');
    setNameError(null);
  }, [selected?.id, selected?.scenario.name]);
  const names = scenarios.map((s) => s.scenario.name);

  const add = async (scenario: unknown) => {
    const parsed = parseScenario(scenario);
    if (parsed.ok) await save(null, parsed.value);
  };
  const rename = async () => {
    if (!selected || name === selected.scenario.name) return;
    const parsed = parseScenario({ ...selected.scenario, name });
    if (!parsed.ok) return setNameError(parsed.issues[0]!.message);
    const r = await save(selected.id, parsed.value);
    setNameError(r.ok ? null : r.error.message);
  };
  const duplicate = (s: Scenario) => add({ ...s, name: freeName(`${s.name} (copy)`, names) });

  return (
    <nav className="wf-list panel" aria-label="Scenarios" data-testid="scenario-list">
      <h2>Scenarios</h2>
      {scenarios.length === 0 ? <p className="muted">No scenario yet: add one from a preset.</p> : null}
      <ul>
        {scenarios.map((s) => {
          const slo = s.lastRun?.tiers.find((t) => t.tier === 'slo') ?? s.lastRun?.tiers[0];
          return (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === selectedId ? 'wf-item active' : 'wf-item'}
                aria-pressed={s.id === selectedId}
                onClick={() => select(s.id)}
                data-testid="scenario-item"
              >
                <span className="wf-item-name">{s.scenario.name}</span>
                <span className="wf-sub-line">
                  {s.unreadable
                    ? 'cannot be read'
                    : slo
                      ? `${slo.tier.toUpperCase()} breached ${windowsPhrase(slo.breach.probability, slo.breach.trials)}`
                      : 'not run yet'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {!readOnly ? (
        <div className="wf-add">
          <label htmlFor="wf-preset">Add from a preset</label>
          <select id="wf-preset" value={preset} onChange={(e) => setPreset(e.target.value as PresetId)} data-testid="scenario-preset">
            {PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {presetById(id).label}
              </option>
            ))}
          </select>
          <p className="wf-help">{presetById(preset).summary}</p>
          <button
            type="button"
            className="primary"
            onClick={() => void add({ ...presetById(preset).scenario, name: freeName(presetById(preset).scenario.name, names) })}
            data-testid="scenario-add"
          >
            Add scenario
          </button>
        </div>
      ) : null}
      {selected && !readOnly ? (
        <div className="wf-actions" role="group" aria-label={`Actions on ${selected.scenario.name}`}>
          <div className={`wf-field${nameError ? ' field-invalid' : ''}`}>
            <label htmlFor="wf-rename">Rename</label>
            <input
              id="wf-rename"
              value={name}
              onChange={(e) => setName(e.target.value)}
              onBlur={() => void rename()}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void rename();
              }}
              data-testid="scenario-rename"
            />
            {nameError ? (
              <p className="field-error" role="alert">
                {nameError}
              </p>
            ) : null}
          </div>
          <button type="button" onClick={() => void duplicate(selected.scenario)} data-testid="scenario-duplicate">
            Duplicate
          </button>
          <button type="button" className="danger" onClick={() => void remove(selected.id)} data-testid="scenario-delete">
            Delete
          </button>
        </div>
      ) : null}
    </nav>
  );
}
