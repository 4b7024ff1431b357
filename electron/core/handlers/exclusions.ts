import type { HandlerMap } from '../context';
import { ExclusionService } from '../services/exclusion-service';

/** Periods left out of the history analysis; adding and deleting are undoable edits of the service. */
export const exclusionHandlers: HandlerMap<'exclusion/list' | 'exclusion/add' | 'exclusion/delete'> = {
  'exclusion/list': (args, ctx) => new ExclusionService(ctx.session).list(args.serviceId),
  'exclusion/add': (args, ctx) => {
    const added = new ExclusionService(ctx.session).add(args);
    ctx.emit('exclusions-changed', { serviceId: added.serviceId });
    return added;
  },
  'exclusion/delete': (args, ctx) => {
    const deleted = new ExclusionService(ctx.session).delete(args.id);
    ctx.emit('exclusions-changed', { serviceId: deleted.serviceId });
    return { id: deleted.id };
  },
};
