import type { HandlerMap } from '../context';
import { addExclusion, deleteExclusion, listExclusions } from '../services/exclusion-service';

/** Periods left out of the history analysis; adding and deleting are undoable edits of the service. */
export const exclusionHandlers: HandlerMap<'exclusion/list' | 'exclusion/add' | 'exclusion/delete'> = {
  'exclusion/list': (args, ctx) => listExclusions(ctx.session, args.serviceId),
  'exclusion/add': (args, ctx) => {
    const added = addExclusion(ctx.session, args);
    ctx.emit('exclusions-changed', { serviceId: added.serviceId });
    return added;
  },
  'exclusion/delete': (args, ctx) => {
    const deleted = deleteExclusion(ctx.session, args.id);
    ctx.emit('exclusions-changed', { serviceId: deleted.serviceId });
    return { id: deleted.id };
  },
};
