import { useState } from 'react';
import { TornadoChart } from '../../charts/TornadoChart';
import { useApp } from '../../store/context';
import { RunControls } from './RunControls';

/** Which knob of a scenario moves the SLO's breach probability most: each varied ±50 %, as a tornado. */
export function SensitivityView() {
  const scenarios = useApp((s) => s.scenarios);
  const selectedId = useApp((s) => s.scenarioId);
  const sensitivity = useApp((s) => s.sensitivity);
  const job = useApp((s) => s.job);
  const runSensitivity = useApp((s) => s.runSensitivity);
  const cancel = useApp((s) => s.cancelSimulation);
  const [pickedId, setPicked] = useState<number | null>(selectedId);
  const stored = scenarios.find((s) => s.id === pickedId) ?? scenarios[0] ?? null;
  if (!stored) return <p className="panel muted">No scenario yet: add one on the Scenario tab.</p>;
  const shown = sensitivity?.scenarioId === stored.id ? sensitivity.value : null;
  return (
    <section className="wf-sensitivity panel" aria-label="Sensitivity" data-testid="sensitivity-view">
      <div className="wf-field">
        <label htmlFor="wf-sens-scenario">Scenario</label>
        <select id="wf-sens-scenario" value={stored.id} onChange={(e) => setPicked(Number(e.target.value))} data-testid="sensitivity-scenario">
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.scenario.name}
            </option>
          ))}
        </select>
      </div>
      <p className="wf-help">
        Each knob is run at half and at one and a half times its value, with the same seed; the knobs that move the breach probability most are the ones worth
        arguing about.
      </p>
      <RunControls
        what={`sensitivity of ${stored.scenario.name}`}
        kind="sensitivity"
        blocked={stored.unreadable ? `This scenario cannot be read (${stored.unreadable}).` : null}
        job={job}
        onRun={(t, s) => void runSensitivity(stored.id, t, s)}
        onCancel={cancel}
        initial={{ trials: 2000, seed: stored.lastRun?.seed ?? 1 }}
      />
      {shown ? (
        <>
          <h3>
            What moves the {shown.tier.toUpperCase()} breach probability ({shown.trialsPerVariant.toLocaleString('en-US')} trials per variant, seed {shown.seed}
            )
          </h3>
          <TornadoChart sensitivity={shown} />
        </>
      ) : null}
    </section>
  );
}
