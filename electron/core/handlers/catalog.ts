import type { HandlerMap } from '../context';
import {
  clearObjective,
  createService,
  createSli,
  deleteService,
  deleteSli,
  listCatalog,
  renameService,
  setObjective,
  updateSli,
} from '../services/catalog-service';
import { edited } from './edited';

/** Services, SLIs and objectives. Every edit announces itself so every window refreshes. */
export const catalogHandlers: HandlerMap<
  'catalog/list' | 'service/create' | 'service/rename' | 'service/delete' | 'sli/create' | 'sli/update' | 'sli/delete' | 'objective/set' | 'objective/clear'
> = {
  'catalog/list': (_args, ctx) => listCatalog(ctx.session),
  'service/create': (args, ctx) => edited(ctx, createService(ctx.session, args)),
  'service/rename': (args, ctx) => edited(ctx, renameService(ctx.session, args)),
  'service/delete': (args, ctx) => edited(ctx, deleteService(ctx.session, args)),
  'sli/create': (args, ctx) => edited(ctx, createSli(ctx.session, args)),
  'sli/update': (args, ctx) => edited(ctx, updateSli(ctx.session, args)),
  'sli/delete': (args, ctx) => edited(ctx, deleteSli(ctx.session, args)),
  'objective/set': (args, ctx) => edited(ctx, setObjective(ctx.session, args)),
  'objective/clear': (args, ctx) => edited(ctx, clearObjective(ctx.session, args)),
};
