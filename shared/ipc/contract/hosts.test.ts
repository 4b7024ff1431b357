import { describe, expect, it } from 'vitest';
import { CHANNELS, channelsFor, contract, fileArgOf, FILE_CHANNELS, hostsOf, refusalFor, type Channel, type Host } from '../contract';

const ALL: Host[] = ['electron', 'browser', 'cli'];

/**
 * Every channel with the hosts whose clients may call it, decided one by one: a channel added to the contract
 * without a line here fails. Electron's page opens and creates workspaces through its dialogs only; the browser page
 * has the served folder; the CLI gives paths.
 */
const EXPECTED: Record<Channel, Host[]> = {
  'app/info': ALL,
  'workspace/state': ALL,
  'workspace/create': ['browser', 'cli'],
  'workspace/open': ['browser', 'cli'],
  'workspace/save-as': ['browser', 'cli'],
  'workspace/close': ALL,
  'workspace/recent': ALL,
  'workspace/open-recent': ALL,
  'workspace/list-folder': ['browser'],
  'workspace/create-dialog': ['electron'],
  'workspace/open-dialog': ['electron'],
  'workspace/save-as-dialog': ['electron'],
  'catalog/list': ALL,
  'service/create': ALL,
  'service/rename': ALL,
  'service/delete': ALL,
  'sli/create': ALL,
  'sli/update': ALL,
  'sli/delete': ALL,
  'objective/set': ALL,
  'objective/clear': ALL,
  'service/set-traffic': ALL,
  'service/set-policy': ALL,
  'dependency/add': ALL,
  'dependency/remove': ALL,
  'alerts/list-sets': ALL,
  'alerts/save-set': ALL,
  'alerts/delete-set': ALL,
  'import/pick-dialog': ['electron'],
  'import/file': ALL,
  'import/preview': ALL,
  'import/prometheus': ALL,
  'import/cancel': ALL,
  'import/list': ALL,
  'import/delete': ALL,
  'analysis/sli': ALL,
  'analysis/chart': ALL,
  'analysis/burndown': ALL,
  'analysis/backtest': ALL,
  'exclusion/list': ALL,
  'exclusion/add': ALL,
  'exclusion/delete': ALL,
  'scenario/list': ALL,
  'scenario/save': ALL,
  'scenario/delete': ALL,
  'simulation/run': ALL,
  'simulation/sensitivity': ALL,
  'simulation/cancel': ALL,
  'simulation/replay': ALL,
  'export/formats': ALL,
  'export/preview': ALL,
  'export/write': ['cli'],
  'export/write-dialog': ['electron'],
  'spec/import': ALL,
  'proposal/create': ALL,
  'proposal/list': ALL,
  'proposal/get': ALL,
  'proposal/diff': ALL,
  'signoff/add': ALL,
  'signoff/list': ALL,
  'comment/add': ALL,
  'comment/list': ALL,
  'roles/list': ALL,
  'roles/set': ALL,
  'review/status': ALL,
  'review/set-period': ALL,
  'edit/undo': ALL,
  'edit/redo': ALL,
};

describe('the hosts of each channel', () => {
  it('are exactly the table above, channel by channel', () => {
    expect(Object.fromEntries(CHANNELS.map((c) => [c, [...hostsOf(c)]]))).toEqual(EXPECTED);
  });

  it('name the file argument of exactly the channels that take one', () => {
    expect(Object.fromEntries(FILE_CHANNELS.map((c) => [c, fileArgOf(c)]))).toEqual({
      'workspace/create': 'path',
      'workspace/open': 'path',
      'workspace/save-as': 'path',
      'workspace/list-folder': 'subfolder',
      'import/file': 'path',
      'import/preview': 'path',
      'export/write': 'path',
    });
    for (const channel of FILE_CHANNELS) expect(Object.keys((contract[channel].args as { shape: object }).shape)).toContain(fileArgOf(channel));
  });

  it("offer Electron's page no channel that takes a file other than by a picked-file reference", () => {
    expect(channelsFor('electron').filter((c) => fileArgOf(c) !== null)).toEqual(['import/file', 'import/preview']);
  });

  it('give each host a refusal that names who can use the channel', () => {
    expect(refusalFor('browser', 'import/pick-dialog')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '"import/pick-dialog" is not offered in browser mode: only the desktop app can use it' },
    });
    expect(refusalFor('cli', 'workspace/list-folder')).toMatchObject({
      error: { message: '"workspace/list-folder" is not offered in the command line: only browser mode can use it' },
    });
    expect(refusalFor('electron', 'workspace/open')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'The desktop app picks files with its own dialogs' },
    });
    expect(refusalFor('browser', 'workspace/open')).toBeNull();
    expect(refusalFor('browser', 'no/such-channel')).toBeNull();
  });
});
