import type { StateCreator } from 'zustand';
import type { ArgsIn } from '#shared/ipc/contract';
import type { StoredScenario } from '#shared/ipc/contract/simulation';
import type { AppError, Result } from '#shared/ipc/errors';
import type { ReplayReport } from '#shared/simulation/replay-report';
import type { SimulationResult } from '#shared/simulation/result';
import type { Scenario } from '#shared/simulation/scenario';
import type { Sensitivity } from '#shared/simulation/sensitivity-types';
import type { AppState } from './store';

/** A simulation on its way: which kind, for which scenario, under which job id, and how far it has got. */
export type SimulationJobState = { kind: 'run' | 'sensitivity'; scenarioId: number; jobId: string; done: number; total: number; cancelling: boolean };

/** What the imported history of the shown SLI spans, for "from history" fields and the replay's window; null without history. */
export type HistorySpan = { seriesId: number; startMs: number; endMs: number };

/** The What-if screen of one SLI: its scenarios, the run on its way, the last answers of runs, sensitivity and replay. */
export type SimulationSlice = {
  whatifSliId: number | null;
  scenarios: StoredScenario[];
  scenarioId: number | null;
  historySpan: HistorySpan | null;
  job: SimulationJobState | null;
  /** The answer of the last run of this window, shown until the stored last run of the scenario catches up. */
  runResult: { scenarioId: number; result: SimulationResult } | null;
  sensitivity: { scenarioId: number; value: Sensitivity } | null;
  replay: ReplayReport | null;
  replayRunning: boolean;
  compareIds: number[];
  whatifError: AppError | null;
  selectWhatifSli(sliId: number | null): void;
  selectScenario(id: number | null): void;
  setCompare(ids: number[]): void;
  refreshScenarios(): Promise<void>;
  saveScenario(id: number | null, scenario: Scenario): Promise<Result<StoredScenario>>;
  deleteScenario(id: number): Promise<void>;
  runScenario(scenarioId: number, trials: number, seed: number): Promise<void>;
  runSensitivity(scenarioId: number, trials: number, seed: number): Promise<void>;
  cancelSimulation(): void;
  runReplay(args: Omit<ArgsIn<'simulation/replay'>, 'sliId'>): Promise<void>;
};

/** Most scenarios compared side by side. */
export const MAX_COMPARED = 4;

// A cancel sent in the instant before the core has registered the job finds nothing to cancel; ask again briefly.
const CANCEL_RETRIES = 5;
const CANCEL_RETRY_MS = 200;

const newJobId = () => globalThis.crypto.randomUUID().replace(/-/g, '');

/** Creates the simulation slice; scenarios and their last runs live in the workspace, this is their cache. */
export const createSimulationSlice: StateCreator<AppState, [], [], SimulationSlice> = (set, get) => {
  // Answers to older requests are dropped: a slow refresh must not overwrite what a newer choice asked for.
  let listRequest = 0;
  let replayRequest = 0;

  /** Runs one job under a fresh id, following its progress events until it answers. */
  async function track<T>(kind: SimulationJobState['kind'], scenarioId: number, call: (jobId: string) => Promise<Result<T>>): Promise<Result<T>> {
    const jobId = newJobId();
    set({ job: { kind, scenarioId, jobId, done: 0, total: 0, cancelling: false }, whatifError: null });
    const off = get().client.on('simulation-progress', (p) => {
      const job = get().job;
      if (job?.jobId === p.jobId) set({ job: { ...job, done: p.done, total: p.total } });
    });
    try {
      const result = await call(jobId);
      // A cancelled run is the user's own choice, not an error to show.
      if (!result.ok && result.error.code !== 'CANCELLED') set({ whatifError: result.error });
      return result;
    } finally {
      off();
      if (get().job?.jobId === jobId) set({ job: null });
    }
  }

  return {
    whatifSliId: null,
    scenarios: [],
    scenarioId: null,
    historySpan: null,
    job: null,
    runResult: null,
    sensitivity: null,
    replay: null,
    replayRunning: false,
    compareIds: [],
    whatifError: null,
    selectWhatifSli(sliId) {
      if (sliId === get().whatifSliId) return;
      set({
        whatifSliId: sliId,
        scenarios: [],
        scenarioId: null,
        historySpan: null,
        runResult: null,
        sensitivity: null,
        replay: null,
        compareIds: [],
        whatifError: null,
      });
      void get().refreshScenarios();
    },
    selectScenario: (id) => set({ scenarioId: id, whatifError: null }),
    setCompare: (ids) => set({ compareIds: ids.slice(0, MAX_COMPARED) }),
    async refreshScenarios() {
      const { client, whatifSliId: sliId } = get();
      const known = get().services.some((s) => s.slis.some((x) => x.id === sliId));
      if (sliId === null || !known || !get().workspace.workspace) return set({ scenarios: [], scenarioId: null, historySpan: null });
      const request = ++listRequest;
      const [list, imports] = await Promise.all([client.invoke('scenario/list', { sliId }), client.invoke('import/list', { sliId })]);
      if (request !== listRequest) return;
      if (!list.ok) {
        set({ whatifError: list.error });
        return;
      }
      const scenarios = list.value;
      const spans = (imports.ok ? imports.value.flatMap((i) => i.series) : []).flatMap((s) =>
        s.startMs !== null && s.endMs !== null ? [{ seriesId: s.seriesId, startMs: s.startMs, endMs: s.endMs }] : [],
      );
      // The replay reads the series that reaches furthest, as the analysis does by default.
      const latest = spans.reduce<HistorySpan | null>((best, s) => (best === null || s.endMs > best.endMs ? s : best), null);
      const selected = get().scenarioId;
      const ids = new Set(scenarios.map((s) => s.id));
      set({
        scenarios,
        scenarioId: selected !== null && ids.has(selected) ? selected : (scenarios[0]?.id ?? null),
        compareIds: get().compareIds.filter((id) => ids.has(id)),
        historySpan: latest,
      });
    },
    async saveScenario(id, scenario) {
      const sliId = get().whatifSliId ?? -1;
      const r = await get().ownChange('scenarios-changed', { sliId }, () => get().client.invoke('scenario/save', { sliId, id, scenario }));
      if (r.ok) {
        const run = get().runResult;
        // An edit makes the last run stale: the core forgets it, and so does this window.
        set({ scenarioId: r.value.id, whatifError: null, runResult: run?.scenarioId === r.value.id ? null : run });
      } else set({ whatifError: r.error });
      return r;
    },
    async deleteScenario(id) {
      const sliId = get().whatifSliId ?? -1;
      const r = await get().ownChange('scenarios-changed', { sliId }, () => get().client.invoke('scenario/delete', { id }));
      if (!r.ok) set({ whatifError: r.error });
    },
    async runScenario(scenarioId, trials, seed) {
      const sliId = get().whatifSliId ?? -1;
      const r = await get().ownChange('scenarios-changed', { sliId }, () =>
        track('run', scenarioId, (jobId) => get().client.invoke('simulation/run', { sliId, scenarioId, trials, seed, jobId })),
      );
      if (r.ok) set({ runResult: { scenarioId, result: r.value } });
    },
    async runSensitivity(scenarioId, trials, seed) {
      const sliId = get().whatifSliId ?? -1;
      const r = await track('sensitivity', scenarioId, (jobId) => get().client.invoke('simulation/sensitivity', { sliId, scenarioId, trials, seed, jobId }));
      if (r.ok) set({ sensitivity: { scenarioId, value: r.value } });
    },
    cancelSimulation() {
      const job = get().job;
      if (!job || job.cancelling) return;
      set({ job: { ...job, cancelling: true } });
      const attempt = async (left: number) => {
        const answer = await get().client.invoke('simulation/cancel', { jobId: job.jobId });
        const still = get().job?.jobId === job.jobId;
        if (answer.ok && !answer.value.cancelled && left > 0 && still) setTimeout(() => void attempt(left - 1), CANCEL_RETRY_MS);
      };
      void attempt(CANCEL_RETRIES);
    },
    async runReplay(args) {
      const sliId = get().whatifSliId;
      if (sliId === null) return;
      const request = ++replayRequest;
      set({ replayRunning: true, whatifError: null });
      const r = await get().client.invoke('simulation/replay', { sliId, ...args });
      if (request !== replayRequest) return;
      set({ replayRunning: false, replay: r.ok ? r.value : get().replay, whatifError: r.ok ? null : r.error });
    },
  };
};
