import { BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { RecentEntry } from '#shared/ipc/contract';
import type { Result } from '#shared/ipc/errors';
import type { Core } from '../core/registry';
import { runDialogCommand, type DialogChannel } from './dialogs';

/** What the menu items do; the main process supplies them, tests supply spies. */
export type MenuActions = {
  create(): void;
  open(): void;
  openRecent(id: string): void;
  saveAs(): void;
  undo(): void;
  redo(): void;
};

/** The state the menu reflects: recent files, whether a workspace is open, what undo and redo would do. */
export type MenuModel = {
  recent: readonly RecentEntry[];
  hasWorkspace: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  platform: NodeJS.Platform;
};

function recentItems(model: MenuModel, actions: MenuActions): MenuItemConstructorOptions[] {
  if (model.recent.length === 0) return [{ id: 'file.recent.none', label: 'No recent workspaces', enabled: false }];
  return model.recent.map((entry) => ({
    id: `file.recent.${entry.id}`,
    label: entry.name,
    toolTip: entry.location,
    enabled: entry.exists,
    click: () => actions.openRecent(entry.id),
  }));
}

/** Builds the application menu template from the model; pure, so it is tested without Electron. */
export function buildMenuTemplate(model: MenuModel, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = model.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: '&File',
    submenu: [
      { id: 'file.new', label: 'New…', accelerator: 'CmdOrCtrl+N', click: () => actions.create() },
      { id: 'file.open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { id: 'file.recent', label: 'Open Recent', submenu: recentItems(model, actions) },
      { type: 'separator' },
      { id: 'file.save-as', label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', enabled: model.hasWorkspace, click: () => actions.saveAs() },
      ...(mac ? [] : [{ type: 'separator' as const }, { id: 'file.quit', label: 'Quit', role: 'quit' as const, accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    // Undo and Redo below are alike on purpose: each item names its own label, shortcut and action.
    id: 'edit',
    label: '&Edit',
    submenu: [
      // The shortcut is shown but not captured (registerAccelerator: false): the page handles Ctrl+Z itself, so a
      // focused text field keeps its own typing undo, exactly as in browser mode.
      {
        id: 'edit.undo',
        label: model.undoLabel ? `Undo ${model.undoLabel}` : 'Undo',
        accelerator: 'CmdOrCtrl+Z',
        registerAccelerator: false,
        enabled: model.undoLabel !== null,
        click: () => actions.undo(),
      },
      {
        id: 'edit.redo',
        label: model.redoLabel ? `Redo ${model.redoLabel}` : 'Redo',
        accelerator: 'Shift+CmdOrCtrl+Z',
        registerAccelerator: false,
        enabled: model.redoLabel !== null,
        click: () => actions.redo(),
      },
      { type: 'separator' },
      { id: 'edit.cut', role: 'cut' },
      { id: 'edit.copy', role: 'copy' },
      { id: 'edit.paste', role: 'paste' },
      { id: 'edit.select-all', role: 'selectAll' },
    ],
  };
  // Zoom matters on a projector, where workshops happen.
  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: '&View',
    submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  return [...(mac ? [{ role: 'appMenu' as const }] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' as const }] : [])];
}

function parentWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}

/** Shows an expected failure from a menu command; cancelling and "nothing to undo" stay silent. */
export async function reportMenuResult(result: Result<unknown>): Promise<void> {
  if (result.ok || result.error.code === 'CANCELLED' || result.error.code === 'NOTHING_TO_UNDO') return;
  const parent = parentWindow();
  const options = { type: 'error' as const, title: 'SLO Workbench', message: result.error.message, buttons: ['OK'] };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

/** The menu's actions in the main process: dialog flows for files, the core's undo and redo for edits. */
export function createMenuActions(core: Core): MenuActions {
  const run = (work: () => Promise<Result<unknown>>) => {
    void work()
      .then(reportMenuResult)
      .catch((error: unknown) => console.error(error));
  };
  const viaDialog = (channel: DialogChannel) => run(() => runDialogCommand(channel, core, parentWindow()));
  return {
    create: () => viaDialog('workspace/create-dialog'),
    open: () => viaDialog('workspace/open-dialog'),
    saveAs: () => viaDialog('workspace/save-as-dialog'),
    openRecent: (id) => run(() => core.call('workspace/open-recent', { id })),
    undo: () => run(() => core.call('edit/undo', {})),
    redo: () => run(() => core.call('edit/redo', {})),
  };
}

/** Reads the model from the core; a failure leaves an empty recent list rather than no menu. */
export async function readMenuModel(core: Core, platform: NodeJS.Platform): Promise<MenuModel> {
  const [recent, state] = await Promise.all([core.call('workspace/recent', {}), core.call('workspace/state', {})]);
  const s = state.ok ? state.value : null;
  return {
    recent: recent.ok ? recent.value : [],
    hasWorkspace: Boolean(s?.workspace),
    undoLabel: s?.undoLabel ?? null,
    redoLabel: s?.redoLabel ?? null,
    platform,
  };
}

/** Installs the application menu and rebuilds it whenever the workspace or the catalog changes. */
export async function installMenu(core: Core, actions: MenuActions, platform: NodeJS.Platform = process.platform): Promise<() => void> {
  const refresh = async () => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(await readMenuModel(core, platform), actions)));
  };
  const rebuild = () => void refresh().catch((error: unknown) => console.error(error));
  const offs = [core.on('workspace-changed', rebuild), core.on('catalog-changed', rebuild)];
  await refresh();
  return () => offs.forEach((off) => off());
}
