import type { HandlerMap } from '../context';

/** Undo and redo of catalog edits. */
export const editHandlers: HandlerMap<'edit/undo' | 'edit/redo'> = {
  'edit/undo': (_args, ctx) => {
    ctx.session.undo();
    ctx.emit('catalog-changed', { reason: 'undo' });
    return ctx.session.state();
  },
  'edit/redo': (_args, ctx) => {
    ctx.session.redo();
    ctx.emit('catalog-changed', { reason: 'redo' });
    return ctx.session.state();
  },
};
