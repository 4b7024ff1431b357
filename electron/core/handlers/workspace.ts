import { AppFailure } from '#shared/ipc/errors';
import type { HandlerContext, HandlerMap } from '../context';
import { listFolder, relativeInFolder } from '../services/folder-paths';

function opened(ctx: HandlerContext, reason: 'created' | 'opened' | 'saved-as') {
  const path = ctx.session.path;
  if (path) ctx.settings.remember(path, ctx.now());
  ctx.emit('workspace-changed', { reason });
  return ctx.session.state();
}

/** Creating, opening, saving as, closing and the recent list. */
export const workspaceHandlers: HandlerMap<
  | 'app/info'
  | 'workspace/state'
  | 'workspace/create'
  | 'workspace/open'
  | 'workspace/save-as'
  | 'workspace/close'
  | 'workspace/recent'
  | 'workspace/open-recent'
  | 'workspace/list-folder'
> = {
  'app/info': (_args, ctx) => ({
    host: ctx.options.host,
    version: ctx.options.version,
    fileAccess: ctx.options.host === 'electron' ? 'dialog' : ctx.options.host === 'browser' ? 'folder' : 'path',
  }),
  'workspace/state': (_args, ctx) => ctx.session.state(),
  'workspace/create': (args, ctx) => {
    ctx.session.create(ctx.options.resolvePath(args.path, 'create'));
    return opened(ctx, 'created');
  },
  'workspace/open': (args, ctx) => {
    ctx.session.open(ctx.options.resolvePath(args.path, 'open'));
    return opened(ctx, 'opened');
  },
  'workspace/save-as': (args, ctx) => {
    ctx.session.saveAs(ctx.options.resolvePath(args.path, 'save-as'));
    return opened(ctx, 'saved-as');
  },
  'workspace/close': (_args, ctx) => {
    ctx.session.close();
    ctx.emit('workspace-changed', { reason: 'closed' });
    return ctx.session.state();
  },
  'workspace/recent': (_args, ctx) => {
    const folder = ctx.options.folder;
    if (!folder) return ctx.settings.recent();
    // Browser mode: only the served folder's workspaces, named relative to it; the page never sees a real path.
    return ctx.settings.recent().flatMap((entry) => {
      const location = relativeInFolder(folder, entry.location);
      return location === null ? [] : [{ ...entry, location }];
    });
  },
  'workspace/open-recent': (args, ctx) => {
    const path = ctx.settings.pathOf(args.id);
    const folder = ctx.options.folder;
    if (path && folder && relativeInFolder(folder, path) === null) {
      // Answered like an unknown id, so the page learns nothing about workspaces outside its folder.
      throw new AppFailure('NOT_FOUND', 'That workspace is not in the recent list of this folder', { field: 'id' });
    }
    if (!path)
      throw new AppFailure('NOT_FOUND', folder ? 'That workspace is not in the recent list of this folder' : 'That workspace is no longer in the recent list', {
        field: 'id',
      });
    ctx.session.open(path);
    return opened(ctx, 'opened');
  },
  'workspace/list-folder': (args, ctx) => {
    if (!ctx.options.folder) throw new AppFailure('FORBIDDEN', 'This host picks files with its own dialogs');
    return listFolder(ctx.options.folder, args.subfolder);
  },
};
