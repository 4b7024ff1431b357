import type { HandlerMap } from '../context';

/** Services, SLIs and objectives. Every edit announces itself so other windows refresh. */
export const catalogHandlers: HandlerMap<
  'catalog/list' | 'service/create' | 'service/rename' | 'service/delete' | 'sli/create' | 'sli/update' | 'sli/delete' | 'objective/set' | 'objective/clear'
> = {
  'catalog/list': (_args, ctx) => ctx.catalog.list(),
  'service/create': (args, ctx) => edited(ctx, ctx.catalog.createService(args)),
  'service/rename': (args, ctx) => edited(ctx, ctx.catalog.renameService(args)),
  'service/delete': (args, ctx) => edited(ctx, ctx.catalog.deleteService(args)),
  'sli/create': (args, ctx) => edited(ctx, ctx.catalog.createSli(args)),
  'sli/update': (args, ctx) => edited(ctx, ctx.catalog.updateSli(args)),
  'sli/delete': (args, ctx) => edited(ctx, ctx.catalog.deleteSli(args)),
  'objective/set': (args, ctx) => edited(ctx, ctx.catalog.setObjective(args)),
  'objective/clear': (args, ctx) => edited(ctx, ctx.catalog.clearObjective(args)),
};

function edited<T>(ctx: { emit: (e: 'catalog-changed', p: { reason: 'edit' }) => void }, value: T): T {
  ctx.emit('catalog-changed', { reason: 'edit' });
  return value;
}
