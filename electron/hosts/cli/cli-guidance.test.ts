import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';

let box: Sandbox;

beforeEach(() => {
  box = makeSandbox();
});

afterEach(() => box.cleanup());

describe('slo-workbench guiding a person who typed something it cannot use', () => {
  it('names a missing workspace by its whole path and gives the command that creates it', async () => {
    const r = await box.run('service', 'list', '--workspace', 'team.slowb');
    const path = box.path('team.slowb');
    expect(r.code).toBe(1);
    expect(r.stderrLines).toEqual([`error: No workspace at ${path}; create it with: slo-workbench workspace create ${path} [--workspace]`]);
    expect(existsSync(path)).toBe(false);
  });

  it('says when the folder of a missing workspace is missing too, and quotes a path with spaces in the command', async () => {
    const r = await box.run('show', '--workspace', 'no such folder/team.slowb');
    const folder = box.path('no such folder');
    expect(r.code).toBe(1);
    expect(r.stderrLines).toEqual([
      `error: No workspace at ${folder}/team.slowb: the folder ${folder} does not exist either; make the folder, then create the workspace with: slo-workbench workspace create '${folder}/team.slowb' [--workspace]`,
    ]);
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses to create a workspace in a folder that does not exist, saying so, and makes nothing', async () => {
    const r = await box.run('workspace', 'create', 'missing/team.slowb');
    expect(r.code).toBe(1);
    expect(r.stderrLines).toEqual([`error: team.slowb cannot be created: the folder ${box.path('missing')} does not exist [FILE]`]);
    expect(existsSync(box.path('missing'))).toBe(false);
  });

  it('takes --tier performance (and performance-target, in any case) for the performance target', async () => {
    const W = ['--workspace', 'w.slowb'];
    await box.json('workspace', 'create', 'w.slowb');
    await box.json('service', 'add', ...W, 'web');
    await box.json('sli', 'add', ...W, '--service', 'web', 'availability');
    const set = (tier: string, target: string) =>
      box.run('objective', 'set', ...W, '--service', 'web', '--sli', 'availability', '--tier', tier, '--target', target, '--window', '30d');
    expect((await set('performance', '99.5')).stdoutLines[0]).toBe('Set performance target of web / availability');
    expect((await set('Performance-Target', '99.6')).stdoutLines[0]).toBe('Set performance target of web / availability');
    const refused = await set('constructor', '99');
    expect(refused.code).toBe(1);
    expect(refused.stderrLines[0]).toMatch(/^error: Tier must be one of sla, slo, target/);
  });
});
