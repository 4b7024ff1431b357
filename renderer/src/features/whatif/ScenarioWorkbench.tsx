import { useEffect, useMemo, useState } from 'react';
import type { StoredScenario } from '#shared/ipc/contract/simulation';
import { useApp } from '../../store/context';
import { ResultsPanel } from './ResultsPanel';
import { RunControls } from './RunControls';
import { ScenarioEditor } from './ScenarioEditor';
import { canonical, checkDraft, draftOf, isEdited, type ScenarioDraft } from './scenario-draft';

/** How many of the draft's problems the Run button names before "and N more". */
const NAMED_PROBLEMS = 3;

/**
 * One scenario: its editor (checked as it is typed), Save and Revert, Run with trials and seed (an edited draft is
 * saved first, so the stored scenario is the one that ran), and the results of its last run.
 */
export function ScenarioWorkbench({ stored, readOnly }: { stored: StoredScenario; readOnly: boolean }) {
  const save = useApp((s) => s.saveScenario);
  const run = useApp((s) => s.runScenario);
  const cancel = useApp((s) => s.cancelSimulation);
  const job = useApp((s) => s.job);
  const runResult = useApp((s) => s.runResult);
  const hasHistory = useApp((s) => s.historySpan !== null);
  const sensitivity = useApp((s) => (s.sensitivity?.scenarioId === stored.id ? s.sensitivity.value : null));
  const [draft, setDraft] = useState<ScenarioDraft>(() => draftOf(stored.scenario));
  // Follow the stored scenario when its fields change (a save, an undo, another window), not when a refresh brings the same ones.
  const storedKey = canonical(stored.scenario);
  useEffect(() => setDraft(draftOf(stored.scenario)), [stored.id, storedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const checked = useMemo(() => checkDraft(draft), [draft]);
  const dirty = useMemo(() => isEdited(checked.scenario, stored.scenario), [checked.scenario, stored.scenario]);
  const problems = Object.entries(checked.issues);
  const blocked = stored.unreadable
    ? `This scenario cannot be read (${stored.unreadable}); save it again or delete it.`
    : problems.length
      ? `Fix ${problems.length === 1 ? 'this field' : `these ${problems.length} fields`} before running: ${problems
          .slice(0, NAMED_PROBLEMS)
          .map(([, m]) => m)
          .join('; ')}${problems.length > NAMED_PROBLEMS ? `; and ${problems.length - NAMED_PROBLEMS} more` : ''}`
      : readOnly
        ? 'The workspace is open read-only: runs cannot be stored.'
        : null;
  const result = runResult?.scenarioId === stored.id ? runResult.result : stored.lastRun;

  const onRun = async (trials: number, seed: number) => {
    let id = stored.id;
    if (dirty && checked.scenario) {
      const saved = await save(stored.id, checked.scenario);
      if (!saved.ok) return;
      id = saved.value.id;
    }
    await run(id, trials, seed);
  };

  return (
    <div className="wf-workbench">
      <div className="wf-editor-column">
        <ScenarioEditor draft={draft} change={(patch) => setDraft((d) => ({ ...d, ...patch }))} issues={checked.issues} hasHistory={hasHistory} />
        {!readOnly ? (
          <div className="wf-save" role="group" aria-label="Save the scenario">
            <button
              type="button"
              disabled={!dirty || checked.scenario === null}
              onClick={() => checked.scenario && void save(stored.id, checked.scenario)}
              data-testid="scenario-save"
            >
              Save
            </button>
            <button type="button" disabled={!dirty} onClick={() => setDraft(draftOf(stored.scenario))}>
              Revert
            </button>
          </div>
        ) : null}
      </div>
      <div className="wf-results-column">
        <RunControls
          what={stored.scenario.name}
          kind="run"
          blocked={blocked}
          job={job}
          onRun={(t, s) => void onRun(t, s)}
          onCancel={cancel}
          initial={stored.lastRun ? { trials: stored.lastRun.trials, seed: stored.lastRun.seed } : undefined}
        />
        {result ? (
          <ResultsPanel result={result} stale={dirty} sensitivity={sensitivity} />
        ) : (
          <p className="muted wf-not-run">Not run yet: press Run to simulate {stored.scenario.name}.</p>
        )}
      </div>
    </div>
  );
}
