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
    const serviceId = ctx.session.exclusions().get(args.id)?.serviceId;
    const out = new ExclusionService(ctx.session).delete(args.id);
    if (serviceId !== undefined) ctx.emit('exclusions-changed', { serviceId });
    return out;
  },
};
