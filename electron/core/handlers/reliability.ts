import type { HandlerMap } from '../context';

/** Traffic, policies, dependencies and alert sets. Every edit announces itself so other windows refresh. */
export const reliabilityHandlers: HandlerMap<
  'service/set-traffic' | 'service/set-policy' | 'dependency/add' | 'dependency/remove' | 'alerts/list-sets' | 'alerts/save-set' | 'alerts/delete-set'
> = {
  'service/set-traffic': (args, ctx) => edited(ctx, ctx.reliability.setTraffic(args)),
  'service/set-policy': (args, ctx) => edited(ctx, ctx.reliability.setPolicy(args)),
  'dependency/add': (args, ctx) => edited(ctx, ctx.reliability.addDependency(args)),
  'dependency/remove': (args, ctx) => edited(ctx, ctx.reliability.removeDependency(args)),
  'alerts/list-sets': (_args, ctx) => ctx.reliability.listAlertSets(),
  'alerts/save-set': (args, ctx) => edited(ctx, ctx.reliability.saveAlertSet(args)),
  'alerts/delete-set': (args, ctx) => edited(ctx, ctx.reliability.deleteAlertSet(args)),
};

function edited<T>(ctx: { emit: (e: 'catalog-changed', p: { reason: 'edit' }) => void }, value: T): T {
  ctx.emit('catalog-changed', { reason: 'edit' });
  return value;
}
