import type { HandlerMap } from '../context';
import { replayHistory } from '../services/replay-service';
import { deleteScenario, listScenarios, saveScenario } from '../services/scenario-service';
import { runSensitivity, runSimulation } from '../services/simulation-service';

type SimulationChannel =
  'scenario/list' | 'scenario/save' | 'scenario/delete' | 'simulation/run' | 'simulation/sensitivity' | 'simulation/cancel' | 'simulation/replay';

/** What-if scenarios (undoable edits of the SLI's service), their Monte Carlo runs and replays of real history. */
export const simulationHandlers: HandlerMap<SimulationChannel> = {
  'scenario/list': (args, ctx) => listScenarios(ctx.session, args.sliId),
  'scenario/save': (args, ctx) => {
    const saved = saveScenario(ctx.session, args);
    ctx.emit('scenarios-changed', { sliId: saved.sliId });
    return saved;
  },
  'scenario/delete': (args, ctx) => {
    const deleted = deleteScenario(ctx.session, args.id);
    ctx.emit('scenarios-changed', { sliId: deleted.sliId });
    return deleted;
  },
  'simulation/run': async (args, ctx) => {
    const run = await runSimulation(ctx.session, args, ctx.simulations, ctx.now);
    if (run.stored) ctx.emit('scenarios-changed', { sliId: args.sliId });
    return run.result;
  },
  'simulation/sensitivity': (args, ctx) => runSensitivity(ctx.session, args, ctx.simulations, ctx.now),
  'simulation/cancel': (args, ctx) => ({ cancelled: ctx.simulations.cancel(args.jobId) }),
  'simulation/replay': (args, ctx) => replayHistory(ctx.session, args),
};
