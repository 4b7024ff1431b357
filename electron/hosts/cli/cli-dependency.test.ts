import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonCeilingReport, JsonDependencyChanged, JsonDependencyList, JsonError, JsonShow } from './json-output';

let box: Sandbox;
const W = ['--workspace', 'shop.slowb'] as const;

/** Adds a service with an availability SLI and, when given, its SLO. */
async function service(name: string, slo?: string) {
  await box.json('service', 'add', ...W, name);
  await box.json('sli', 'add', ...W, '--service', name, 'availability');
  if (slo !== undefined)
    await box.json('objective', 'set', ...W, '--service', name, '--sli', 'availability', '--tier', 'slo', '--target', slo, '--window', '30d');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

beforeEach(async () => {
  box = makeSandbox();
  await box.json('workspace', 'create', 'shop.slowb');
});

afterEach(() => box.cleanup());

describe('slo-workbench ceiling', () => {
  beforeEach(async () => {
    // checkout (SLO 99.95 %) needs payments (99.9 %) and either of two databases (99.5 % each).
    await service('checkout', '99.95');
    await service('payments', '99.9');
    await service('db-a', '99.5');
    await service('db-b', '99.5');
    await box.json('dependency', 'add', ...W, '--service', 'checkout', '--on', 'payments');
    await box.json('dependency', 'add', ...W, '--service', 'checkout', '--on', 'db-a', '--redundancy-group', 'databases');
    await box.json('dependency', 'add', ...W, '--service', 'checkout', '--on', 'db-b', '--redundancy-group', 'databases');
  });

  it('computes 0.999 × (1 − 0.005²) for a hard dependency and a redundancy group, and names payments as the limit', async () => {
    const report = await box.json<JsonCeilingReport>('ceiling', ...W, '--service', 'checkout');
    expect(report.ceiling!.availability).toBeCloseTo(0.999 * (1 - 0.005 ** 2), 12);
    expect(report.ceiling).toMatchObject({ percent: '99.8975', ppm: 998_975 });
    expect(report.factors).toEqual([
      { kind: 'hard', service: 'payments', availability: 0.999, percent: '99.9' },
      {
        kind: 'group',
        name: 'databases',
        availability: 0.999975,
        percent: '99.9975',
        formula: '1 − (1 − 99.5 %) × (1 − 99.5 %) = 99.9975 %',
        members: [
          { service: 'db-a', availability: 0.995, percent: '99.5' },
          { service: 'db-b', availability: 0.995, percent: '99.5' },
        ],
      },
    ]);
    expect(report).toMatchObject({
      format: 'slo-workbench/v1',
      command: 'ceiling',
      service: 'checkout',
      slo: '99.95',
      sloPpm: 999_500,
      status: 'infeasible',
      feasible: false,
      limiting: '"payments" (99.9 %)',
      ignored: [],
      warning: 'The SLO of "checkout" (99.95 %) is above what its dependencies allow (99.8975 %): "payments" (99.9 %) limits it most.',
    });
  });

  it('prints the ceiling, its factors, the product, ignored dependencies and the warning for people', async () => {
    await service('ledger');
    await box.json('dependency', 'add', ...W, '--service', 'checkout', '--on', 'ledger');
    const r = await box.run('ceiling', ...W, '--service', 'CHECKOUT');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdoutLines).toEqual([
      'checkout: availability ceiling 99.8975 %',
      '  hard   payments                SLO 99.9 %',
      '  group  databases (db-a, db-b)  1 − (1 − 99.5 %) × (1 − 99.5 %) = 99.9975 %',
      '  ceiling = 99.9 % × 99.9975 % = 99.8975 %',
      '  ignored: "ledger" has no availability SLO, so it is left out of the ceiling.',
      'SLO 99.95 %: not feasible',
      'warning: The SLO of "checkout" (99.95 %) is above what its dependencies allow (99.8975 %): "payments" (99.9 %) limits it most.',
    ]);
  });

  it('calls the SLO feasible once it is lowered under the ceiling', async () => {
    await box.json('objective', 'set', ...W, '--service', 'checkout', '--sli', 'availability', '--tier', 'slo', '--target', '99.8', '--window', '30d');
    const report = await box.json<JsonCeilingReport>('ceiling', ...W, '--service', 'checkout');
    expect(report).toMatchObject({ status: 'feasible', feasible: true, warning: null });
    expect((await box.run('ceiling', ...W, '--service', 'checkout')).stdoutLines.at(-1)).toBe('SLO 99.8 %: feasible');
  });

  it('says plainly when a service depends on nothing', async () => {
    const r = await box.run('ceiling', ...W, '--service', 'payments');
    expect(r.stdout).toBe('payments depends on nothing, so nothing limits its SLO');
    expect(await box.json<JsonCeilingReport>('ceiling', ...W, '--service', 'payments')).toMatchObject({
      ceiling: null,
      formula: null,
      factors: [],
      status: 'unknown',
      feasible: null,
      warning: null,
    });
  });
});

describe('slo-workbench dependency', () => {
  beforeEach(async () => {
    await service('a', '99.9');
    await service('b', '99.9');
    await service('c');
    await box.json('dependency', 'add', ...W, '--service', 'c', '--on', 'b');
    await box.json('dependency', 'add', ...W, '--service', 'b', '--on', 'a');
  });

  it('refuses a cycle with a message naming it, exits 1 and changes nothing', async () => {
    const hash = box.sha256('shop.slowb');
    const before = (await box.run('show', ...W, '--json')).stdout;
    const r = await box.run('dependency', 'add', ...W, '--service', 'a', '--on', 'c');
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: 'error: "a" cannot depend on "c": that would close the cycle a → c → b → a' });
    expect(sha256((await box.run('show', ...W, '--json')).stdout)).toBe(sha256(before));
    expect(box.sha256('shop.slowb')).toBe(hash);
  });

  it('reports a refused cycle as JSON with the services along it', async () => {
    const r = await box.run('dependency', 'add', ...W, '--service', 'a', '--on', 'c', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr) as JsonError).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '"a" cannot depend on "c": that would close the cycle a → c → b → a',
        details: { field: 'dependsOnId', cycle: ['a', 'c', 'b', 'a'] },
      },
    });
  });

  it('refuses a service depending on itself', async () => {
    const r = await box.run('dependency', 'add', ...W, '--service', 'a', '--on', 'A');
    expect(r).toMatchObject({ code: 1, stderr: 'error: "a" cannot depend on "a": that would close the cycle a → a' });
  });

  it('adds a dependency and changes its redundancy group when added again', async () => {
    const added = await box.json<JsonDependencyChanged>('dependency', 'add', ...W, '--service', 'c', '--on', 'a', '--redundancy-group', 'pool');
    expect(added).toMatchObject({ command: 'dependency add', service: 'c' });
    expect(added.dependencies).toEqual([
      { service: 'c', on: 'a', redundancyGroup: 'pool', slo: '99.9', sloPpm: 999_000 },
      { service: 'c', on: 'b', redundancyGroup: null, slo: '99.9', sloPpm: 999_000 },
    ]);
    const regrouped = await box.run('dependency', 'add', ...W, '--service', 'c', '--on', 'a');
    expect(regrouped.stdoutLines).toEqual(['c now depends on a', 'c  → a  hard  SLO 99.9 %', 'c  → b  hard  SLO 99.9 %']);
  });

  it('lists every dependency of the workspace, or of one service, and shows them in show', async () => {
    const all = await box.json<JsonDependencyList>('dependency', 'list', ...W);
    expect(all.dependencies.map((d) => `${d.service}→${d.on}`)).toEqual(['b→a', 'c→b']);
    expect((await box.run('dependency', 'list', ...W)).stdoutLines).toEqual(['b  → a  hard  SLO 99.9 %', 'c  → b  hard  SLO 99.9 %']);
    const ofC = await box.json<JsonDependencyList>('dependency', 'list', ...W, '--service', 'c');
    expect(ofC.dependencies).toEqual([{ service: 'c', on: 'b', redundancyGroup: null, slo: '99.9', sloPpm: 999_000 }]);
    expect((await box.run('dependency', 'list', ...W, '--service', 'a')).stdout).toContain('a depends on nothing yet.');
    expect((await box.json<JsonShow>('show', ...W)).dependencies).toEqual(all.dependencies);
    expect((await box.run('show', ...W)).stdoutLines.slice(-3)).toEqual(['Dependencies:', '  b  → a  hard  SLO 99.9 %', '  c  → b  hard  SLO 99.9 %']);
  });

  it('removes a dependency, and refuses to remove one that does not exist', async () => {
    const removed = await box.json<JsonDependencyChanged>('dependency', 'remove', ...W, '--service', 'c', '--on', 'b');
    expect(removed).toMatchObject({ command: 'dependency remove', service: 'c', dependencies: [] });
    const again = await box.run('dependency', 'remove', ...W, '--service', 'c', '--on', 'b');
    expect(again).toMatchObject({ code: 1, stderr: 'error: "c" does not depend on "b" [--on]' });
  });

  it('refuses an unknown service and an empty group name without changing the workspace', async () => {
    const hash = box.sha256('shop.slowb');
    expect(await box.run('dependency', 'add', ...W, '--service', 'c', '--on', 'ledger')).toMatchObject({
      code: 1,
      stderr: 'error: There is no service named "ledger" [--on]',
    });
    expect(await box.run('dependency', 'add', ...W, '--service', 'c', '--on', 'a', '--redundancy-group', '  ')).toMatchObject({
      code: 1,
      stderr: 'error: A redundancy group needs a name [--redundancy-group]',
    });
    expect(box.sha256('shop.slowb')).toBe(hash);
  });
});

describe('dependency help', () => {
  it.each(['dependency add', 'dependency remove', 'dependency list', 'ceiling'])('prints help for "%s" and exits 0', async (command) => {
    const r = await box.run(...command.split(' '), '--help');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Usage: slo-workbench ${command} [options]`);
    expect(r.stdout).toContain('--workspace <file>');
    expect(r.stdout).toContain('--json');
  });

  it('lists the dependency and ceiling commands in the main help', async () => {
    const r = await box.run('--help');
    expect(r.stdout).toContain('  dependency');
    expect(r.stdout).toContain('  ceiling');
  });
});
