import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../core/registry';
import { app, dialog, Menu, resetElectronDouble } from '../test/electron-double';
import { buildMenuTemplate, createMenuActions, installMenu, type MenuActions, type MenuModel } from './menu';

const model: MenuModel = {
  recent: [
    { id: 'r1', name: 'checkout.slowb', location: '/w/checkout.slowb', exists: true },
    { id: 'r2', name: 'gone.slowb', location: '/w/gone.slowb', exists: false },
  ],
  hasWorkspace: true,
  undoLabel: 'Rename service "api"',
  redoLabel: null,
  platform: 'linux',
};

function spyActions(): MenuActions {
  return { create: vi.fn(), open: vi.fn(), openRecent: vi.fn(), saveAs: vi.fn(), undo: vi.fn(), redo: vi.fn() };
}

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function item(items: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = flatten(items).find((i) => i.id === id);
  if (!found) throw new Error(`no menu item ${id}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

describe('the application menu template', () => {
  it('has File and Edit with the expected items and accelerators', () => {
    const template = buildMenuTemplate(model, spyActions());
    expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View']);
    const rows = (['file.new', 'file.open', 'file.save-as', 'file.quit', 'edit.undo', 'edit.redo'] as const).map((id) => [
      id,
      item(template, id).label,
      item(template, id).accelerator,
    ]);
    expect(rows).toEqual([
      ['file.new', 'New…', 'CmdOrCtrl+N'],
      ['file.open', 'Open…', 'CmdOrCtrl+O'],
      ['file.save-as', 'Save As…', 'Shift+CmdOrCtrl+S'],
      ['file.quit', 'Quit', 'CmdOrCtrl+Q'],
      ['edit.undo', 'Undo Rename service "api"', 'CmdOrCtrl+Z'],
      ['edit.redo', 'Redo', 'Shift+CmdOrCtrl+Z'],
    ]);
    expect(item(template, 'file.quit').role).toBe('quit');
    expect(['cut', 'copy', 'paste'].map((role) => flatten(template).some((i) => i.role === role))).toEqual([true, true, true]);
  });

  it('shows the undo and redo shortcuts without capturing them, so text fields keep their own undo', () => {
    const template = buildMenuTemplate(model, spyActions());
    expect(item(template, 'edit.undo').registerAccelerator).toBe(false);
    expect(item(template, 'edit.redo').registerAccelerator).toBe(false);
  });

  it('enables undo and redo only when there is something to undo or redo', () => {
    const template = buildMenuTemplate(model, spyActions());
    expect(item(template, 'edit.undo').enabled).toBe(true);
    expect(item(template, 'edit.redo').enabled).toBe(false);
  });

  it('lists recent workspaces, disabling missing files, and opens them by id', () => {
    const actions = spyActions();
    const template = buildMenuTemplate(model, actions);
    expect(item(template, 'file.recent.r2').enabled).toBe(false);
    click(item(template, 'file.recent.r1'));
    expect(actions.openRecent).toHaveBeenCalledWith('r1');
    const empty = buildMenuTemplate({ ...model, recent: [] }, actions);
    expect(item(empty, 'file.recent.none')).toMatchObject({ label: 'No recent workspaces', enabled: false });
  });

  it('wires New, Open, Save As, Undo and Redo to their actions', () => {
    const actions = spyActions();
    const template = buildMenuTemplate(model, actions);
    for (const id of ['file.new', 'file.open', 'file.save-as', 'edit.undo', 'edit.redo']) click(item(template, id));
    for (const action of ['create', 'open', 'saveAs', 'undo', 'redo'] as const) expect(actions[action]).toHaveBeenCalledTimes(1);
  });

  it('disables Save As without a workspace and moves Quit to the app menu on macOS', () => {
    const template = buildMenuTemplate({ ...model, hasWorkspace: false, platform: 'darwin' }, spyActions());
    expect(item(template, 'file.save-as').enabled).toBe(false);
    expect(template[0]?.role).toBe('appMenu');
    expect(flatten(template).some((i) => i.id === 'file.quit')).toBe(false);
  });
});

describe('the installed menu', () => {
  let dir: string;
  let core: Core;

  beforeEach(() => {
    resetElectronDouble();
    app.fireReady();
    dir = mkdtempSync(join(tmpdir(), 'swb-menu-'));
    core = createCore({ host: 'electron', version: 'test', settingsDir: join(dir, 'settings'), resolvePath: (p) => resolve(dir, p) });
  });

  afterEach(() => {
    core.dispose();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const current = () => (Menu.applicationMenu?.template ?? []) as MenuItemConstructorOptions[];
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it('rebuilds Open Recent when the workspace changes and Undo when the catalog changes', async () => {
    await installMenu(core, createMenuActions(core), 'linux');
    expect(item(current(), 'file.recent.none')).toBeDefined();
    await core.call('workspace/create', { path: 'team.slowb' });
    await settle();
    expect(flatten(current()).map((i) => i.label)).toContain('team.slowb');
    await core.call('service/create', { name: 'checkout' });
    await settle();
    expect(item(current(), 'edit.undo')).toMatchObject({ enabled: true, label: expect.stringMatching(/^Undo .*checkout/) });
  });

  it('undoes through the core when Undo is clicked, and the core pushes catalog-changed', async () => {
    await core.call('workspace/create', { path: 'team.slowb' });
    await core.call('service/create', { name: 'checkout' });
    const changes: unknown[] = [];
    core.on('catalog-changed', (p) => changes.push(p));
    await installMenu(core, createMenuActions(core), 'linux');
    click(item(current(), 'edit.undo'));
    await settle();
    expect(await core.call('catalog/list', {})).toEqual({ ok: true, value: [] });
    expect(changes).toEqual([{ reason: 'undo' }]);
  });

  it('shows an error box for a failed menu command but stays silent on cancel', async () => {
    const box = vi.spyOn(dialog, 'showMessageBox');
    const actions = createMenuActions(core);
    actions.open();
    await settle();
    expect(box).not.toHaveBeenCalled();
    actions.openRecent('missing');
    await settle();
    expect(box).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', message: 'That workspace is no longer in the recent list' }));
  });
});
