import type { HandlerMap } from '../context';
import { addDependency, deleteAlertSet, listAlertSets, removeDependency, saveAlertSet, setPolicy, setTraffic } from '../services/reliability-service';
import { edited } from './edited';

/** Traffic, policies, dependencies and alert sets. Every edit announces itself so every window refreshes. */
export const reliabilityHandlers: HandlerMap<
  'service/set-traffic' | 'service/set-policy' | 'dependency/add' | 'dependency/remove' | 'alerts/list-sets' | 'alerts/save-set' | 'alerts/delete-set'
> = {
  'service/set-traffic': (args, ctx) => edited(ctx, setTraffic(ctx.session, args)),
  'service/set-policy': (args, ctx) => edited(ctx, setPolicy(ctx.session, args)),
  'dependency/add': (args, ctx) => edited(ctx, addDependency(ctx.session, args)),
  'dependency/remove': (args, ctx) => edited(ctx, removeDependency(ctx.session, args)),
  'alerts/list-sets': (_args, ctx) => listAlertSets(ctx.session),
  'alerts/save-set': (args, ctx) => edited(ctx, saveAlertSet(ctx.session, args)),
  'alerts/delete-set': (args, ctx) => edited(ctx, deleteAlertSet(ctx.session, args)),
};
