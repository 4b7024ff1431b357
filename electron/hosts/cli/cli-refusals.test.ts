import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTargetPercent } from '#shared/domain/percent';
import { checkName, duplicateServiceMessage } from '#shared/domain/validation';
import { parseWindowSpec } from '#shared/domain/window';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonError } from './json-output';

let box: Sandbox;
const W = ['--workspace', 'team.slowb'] as const;
const SET = ['objective', 'set', ...W, '--service', 'checkout', '--sli', 'availability', '--tier', 'slo', '--window', '30d'] as const;

beforeAll(async () => {
  box = makeSandbox();
  await box.json('workspace', 'create', 'team.slowb');
  await box.json('service', 'add', ...W, 'checkout');
  await box.json('sli', 'add', ...W, '--service', 'checkout', 'availability');
  await box.json(...SET, '--target', '99.9');
});

afterAll(() => box.cleanup());

function message(check: { ok: true } | { ok: false; message: string }): string {
  if (check.ok) throw new Error('expected a refusal');
  return check.message;
}

/** Runs a command and checks that neither the workspace's bytes nor what `show` reports changed. */
async function runUnchanged(...argv: string[]) {
  const hash = box.sha256('team.slowb');
  const before = (await box.run('show', ...W, '--json')).stdout;
  const result = await box.run(...argv);
  expect(box.sha256('team.slowb')).toBe(hash);
  expect((await box.run('show', ...W, '--json')).stdout).toBe(before);
  return result;
}

const refusals: Array<{ what: string; argv: string[]; line: string; shared?: string }> = [
  {
    what: 'a target that is not a number',
    argv: [...SET, '--target', 'abc'],
    line: 'error: Target must be a number such as 99.9, not "abc" [--target]',
    shared: message(parseTargetPercent('abc')),
  },
  {
    what: 'a target of 100 %',
    argv: [...SET, '--target', '100'],
    line: 'error: Target must be below 100 % (100 % leaves no error budget) [--target]',
    shared: message(parseTargetPercent('100')),
  },
  {
    what: 'a target of 0 %',
    argv: [...SET, '--target', '0'],
    line: 'error: Target must be at least 50 % (a looser target is not an objective) [--target]',
    shared: message(parseTargetPercent('0')),
  },
  {
    what: 'a negative target',
    argv: [...SET, '--target', '-5'],
    line: 'error: Target must be at least 50 % (a looser target is not an objective) [--target]',
    shared: message(parseTargetPercent('-5')),
  },
  {
    what: 'a window of 0 days',
    argv: ['objective', 'set', ...W, '--service', 'checkout', '--sli', 'availability', '--tier', 'slo', '--target', '99', '--window', '0d'],
    line: 'error: Window must be at least 1 day [--window]',
    shared: message(parseWindowSpec('0d')),
  },
  {
    what: 'an empty service name',
    argv: ['service', 'add', ...W, ''],
    line: 'error: Service name must not be empty [NAME]',
    shared: message(checkName('', 'Service name')),
  },
  {
    what: 'a duplicate service name in another case',
    argv: ['service', 'add', ...W, 'CHECKOUT'],
    line: 'error: A service named "CHECKOUT" already exists [NAME]',
    shared: duplicateServiceMessage('CHECKOUT'),
  },
  {
    what: 'an unknown service',
    argv: ['sli', 'add', ...W, '--service', 'payments', 'availability'],
    line: 'error: There is no service named "payments" [--service]',
  },
  {
    what: 'a latency SLI without a threshold',
    argv: ['sli', 'add', ...W, '--service', 'checkout', '--kind', 'latency', 'latency'],
    line: 'error: A latency SLI needs a threshold in ms, e.g. 200 [--threshold-ms]',
  },
  {
    what: 'an unknown SLI',
    argv: ['objective', 'set', ...W, '--service', 'checkout', '--sli', 'errors', '--tier', 'slo', '--target', '99', '--window', '30d'],
    line: 'error: Service "checkout" has no SLI named "errors" [--sli]',
  },
  {
    what: 'an unknown tier',
    argv: ['objective', 'set', ...W, '--service', 'checkout', '--sli', 'availability', '--tier', 'gold', '--target', '99', '--window', '30d'],
    line: 'error: Tier must be one of sla, slo, target (the target may also be written performance), not "gold" [--tier]',
  },
  {
    what: 'a workspace file that does not exist',
    argv: ['service', 'add', '--workspace', 'missing.slowb', 'x'],
    line: 'error: No workspace at <dir>/missing.slowb; create it with: slo-workbench workspace create <dir>/missing.slowb [--workspace]',
  },
];

describe('slo-workbench refusing bad input', () => {
  it.each(refusals)('refuses $what with the shared message, exit code 1 and the workspace unchanged', async ({ argv, line, shared }) => {
    const r = await runUnchanged(...argv);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    // <dir> stands for the sandbox folder the command runs in.
    expect(r.stderrLines).toEqual([line.replaceAll('<dir>', box.dir)]);
    if (shared !== undefined) expect(line).toBe(`error: ${shared} ${line.slice(line.lastIndexOf('['))}`);
  });

  it('reports a refusal as one JSON line on stderr with --json, leaving stdout empty', async () => {
    const r = await runUnchanged(...SET, '--target', '100', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderrLines).toHaveLength(1);
    expect(JSON.parse(r.stderr) as JsonError).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'Target must be below 100 % (100 % leaves no error budget)',
        details: { field: 'targetPpm', option: '--target' },
      },
    });
    const dup = await runUnchanged('service', 'add', ...W, 'Checkout', '--json');
    expect(JSON.parse(dup.stderr)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'A service named "Checkout" already exists', details: { field: 'name', option: 'NAME' } },
    });
    const missing = await runUnchanged('service', 'rename', ...W, 'payments', 'billing', '--json');
    expect(JSON.parse(missing.stderr)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { option: 'NAME' } } });
  });

  it("treats an unknown option as a usage error: exit code 2, commander's message, nothing changed", async () => {
    const r = await runUnchanged(...SET, '--target', '99', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderrLines[0]).toBe("error: unknown option '--bogus'");
    const json = await runUnchanged(...SET, '--target', '99', '--bogus', '--json');
    expect(json.code).toBe(2);
    expect(json.stdout).toBe('');
    expect(JSON.parse(json.stderr)).toEqual({ ok: false, error: { code: 'USAGE', message: "unknown option '--bogus'" } });
  });

  it('treats a missing argument, a missing required option, an extra argument and an unknown command as usage errors', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['service', 'add', ...W], /^error: missing required argument 'name'/],
      [
        ['objective', 'set', ...W, '--service', 'checkout', '--sli', 'availability', '--tier', 'slo', '--window', '30d'],
        /^error: required option '--target <percent>' not specified/,
      ],
      [['service', 'add', ...W, 'a', 'b'], /^error: too many arguments/],
      [['frobnicate'], /^error: unknown command 'frobnicate'/],
      [['--target', '5'], /^error: unknown option '--target'/],
    ];
    for (const [argv, expected] of cases) {
      const r = await runUnchanged(...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.stderrLines[0]).toMatch(expected);
    }
  });

  it('shows help and exits 2 when a command group is given without a command', async () => {
    const r = await box.run('service');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: slo-workbench service [options] [command]');
  });

  it('notices a real change, so the unchanged checks above can fail (control)', async () => {
    const hash = box.sha256('team.slowb');
    expect((await box.run('service', 'add', ...W, 'search')).code).toBe(0);
    expect(box.sha256('team.slowb')).not.toBe(hash);
  });
});
