import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../core/registry';
import { makeSandbox, runBin, type Sandbox } from '../test/cli-sandbox';
import type { JsonProposalCreated, JsonProposalDiff, JsonProposalList, JsonReviewStatus, JsonRoles, JsonSignoffs } from './review-json';

let box: Sandbox;
const W = ['--workspace', 'w.slowb'] as const;
const BOT = [...W, '--service', 'chatbot'] as const;
const today = new Date().toISOString().slice(0, 10);

/** The chatbot example: SLA 90 % under 150 ms, SLO 99 % and performance target 99.5 % under 200 ms, daily rolling, by events. */
async function chatbot(): Promise<void> {
  await box.json('workspace', 'create', 'w.slowb');
  await box.json('service', 'add', ...W, 'chatbot');
  await box.json('sli', 'add', ...BOT, '--kind', 'latency', '--threshold-ms', '200', 'latency');
  const tier = (name: string, target: string, ...more: string[]) =>
    box.json('objective', 'set', ...BOT, '--sli', 'latency', '--tier', name, '--target', target, '--window', '1d', '--method', 'occurrences', ...more);
  await tier('sla', '90', '--threshold-ms', '150');
  await tier('slo', '99');
  await tier('target', '99.5');
}

const STAKEHOLDERS = [
  ['Ana Ortiz', 'engineering', 'approve', 'Alerts and on-call load are fine'],
  ['Ben Okafor', 'product', 'approve', 'Answers under 200 ms keep the chat fluid'],
  ['Cleo Park', 'business', 'approve', 'The SLA matches the contract'],
  ['Dev Rao', 'operations', 'approve', 'Daily windows suit the support rota'],
] as const;

beforeEach(() => {
  box = makeSandbox();
});
afterEach(() => box.cleanup());

describe('slo-workbench proposal, signoff and review', () => {
  it('takes the chatbot from proposal to approved with four stakeholders, and a scheduled review status passes', async () => {
    await chatbot();
    const created = await box.run('proposal', 'create', ...BOT, '--rationale', 'Tiers agreed in the workshop');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdoutLines).toEqual([
      'Proposed version 1 of chatbot',
      '  not approved: needs an approval from engineering, product, business and operations',
    ]);

    for (const [name, role, decision, rationale] of STAKEHOLDERS.slice(0, 3)) {
      await box.json('signoff', 'add', ...BOT, '--version', '1', '--name', name, '--role', role, '--decision', decision, '--rationale', rationale);
    }
    const [name, role, decision, rationale] = STAKEHOLDERS[3];
    const last = await box.run('signoff', 'add', ...BOT, '--version', '1', '--name', name, '--role', role, '--decision', decision, '--rationale', rationale);
    expect(last.stdoutLines).toEqual([
      'Recorded the approval of Dev Rao (operations) on version 1 of chatbot',
      'chatbot version 1: approved by engineering, product, business and operations',
      ...STAKEHOLDERS.map(([n, r, d, why]) => `  ${today} ${n} (${r}): ${d}: "${why}"`),
    ]);

    const listed = await box.json<JsonProposalList>('proposal', 'list', ...W);
    expect(listed.services).toMatchObject([
      { serviceName: 'chatbot', approvedVersion: 1, draft: { changed: false }, versions: [{ number: 1, state: 'approved' }] },
    ]);
    const status = await box.run('review', 'status', ...W);
    expect(status.code).toBe(0);
    expect(status.stdoutLines[1]).toMatch(/^ {2}chatbot: next review \d{4}-\d{2}-\d{2} for the performance target \(version 1, approved\)$/);
  }, 60_000);

  it('prints the new version number as JSON, and the diff of every change from version 1 to version 2 or the draft', async () => {
    await chatbot();
    const v1 = await box.json<JsonProposalCreated>('proposal', 'create', ...BOT);
    expect(v1).toMatchObject({
      format: 'slo-workbench/v1',
      ok: true,
      command: 'proposal create',
      service: 'chatbot',
      version: { number: 1, state: 'proposed', rationale: '' },
    });
    await box.json('objective', 'set', ...BOT, '--sli', 'latency', '--tier', 'slo', '--target', '99.5', '--window', '7d');
    const draft = await box.run('proposal', 'diff', ...BOT, '--from', '1');
    expect(draft.stdoutLines).toEqual([
      'chatbot: version 1 → the current draft, 7 changes',
      '  SLO of chatbot / latency: 99 % → 99.5 %',
      '  SLO window of chatbot / latency: rolling 1 day → rolling 7 days',
      '  SLO alert set of chatbot / latency: SRE workbook, 30 days, windows scaled to 1d → SRE workbook, 30 days, windows scaled to 7d',
      '  SLO page alert (quick) of chatbot / latency: 2 % of the budget over 2m and 1m → 2 % of the budget over 14m and 1m',
      '  SLO page alert (slow) of chatbot / latency: 5 % of the budget over 12m and 1m → 5 % of the budget over 84m and 7m',
      '  SLO ticket alert (quick) of chatbot / latency: 10 % of the budget over 48m and 4m → 10 % of the budget over 336m and 28m',
      '  SLO ticket alert (slow) of chatbot / latency: 10 % of the budget over 144m and 12m → 10 % of the budget over 1008m and 84m',
    ]);
    expect((await box.json<JsonProposalCreated>('proposal', 'create', ...BOT)).version.number).toBe(2);
    const diff = await box.json<JsonProposalDiff>('proposal', 'diff', ...BOT, '--from', '1', '--to', '2');
    expect(diff.diff.changes.map((c) => [c.field, c.from, c.to])).toContainEqual(['target', '99 %', '99.5 %']);
  }, 60_000);

  it('exits 1 when a review is overdue, naming each service and tier, with the report on stdout and as JSON', async () => {
    await chatbot();
    // Proposed and approved a year and a half ago, through a core whose clock says so.
    const core = createCore({
      host: 'cli',
      version: 'test',
      settingsDir: box.path('home'),
      resolvePath: (p) => resolve(box.dir, p),
      now: () => Date.UTC(2025, 5, 2),
    });
    await core.call('workspace/open', { path: 'w.slowb' });
    const listed = await core.call('catalog/list', {});
    const serviceId = listed.ok ? listed.value[0]!.id : 0;
    await core.call('proposal/create', { serviceId, rationale: 'Workshop 2025' });
    for (const [name, role] of STAKEHOLDERS) await core.call('signoff/add', { serviceId, version: 1, name, role, decision: 'approve' });
    core.dispose();

    const status = await box.run('review', 'status', ...W);
    expect(status).toMatchObject({ code: 1, stderr: '' });
    expect(status.stdoutLines[1]).toBe(
      '  chatbot: review overdue for the SLA (due 2026-06-02), SLO (due 2026-06-02) and performance target (due 2025-09-02) (version 1, approved)',
    );
    const bin = await runBin(box, 'review', 'status', ...W, '--json');
    expect(bin.code).toBe(1);
    const doc = JSON.parse(bin.stdout) as JsonReviewStatus;
    expect(doc).toMatchObject({ command: 'review status', overdue: 1, services: [{ serviceName: 'chatbot', overdue: true }] });
    expect(doc.services[0]!.reviews.map((r) => [r.tier, r.nextDay, r.overdue])).toEqual([
      ['sla', '2026-06-02', true],
      ['slo', '2026-06-02', true],
      ['target', '2025-09-02', true],
    ]);
  }, 60_000);

  it('lists sign-offs as JSON and refuses a decision, a version or a date it cannot take, naming the option', async () => {
    await chatbot();
    await box.json('proposal', 'create', ...BOT);
    await box.json('signoff', 'add', ...BOT, '--version', '1', '--name', 'Ben Okafor', '--role', 'Product', '--decision', 'object', '--rationale', 'Too slow');
    const listed = await box.json<JsonSignoffs>('signoff', 'list', ...BOT, '--version', '1');
    expect(listed.signoffs).toMatchObject({
      number: 1,
      signoffs: [{ name: 'Ben Okafor', role: 'product', decision: 'object', rationale: 'Too slow', date: today }],
    });
    const refusals = [
      [['--version', '1', '--decision', 'maybe'], 'Decision must be one of approve, object, abstain [--decision]'],
      [['--version', '3', '--decision', 'approve'], 'chatbot has no version 3: its versions are 1 to 1 [--version]'],
      [['--version', 'two', '--decision', 'approve'], 'A version number is a whole number from 1, not "two" [--version]'],
      [
        ['--version', '1', '--decision', 'approve', '--date', '2027-02-30'],
        'A date is written YYYY-MM-DD and must exist in the calendar, such as 2027-01-31, not "2027-02-30" [--date]',
      ],
    ] as const;
    for (const [args, message] of refusals) {
      const r = await box.run('signoff', 'add', ...BOT, '--name', 'Ana', '--role', 'engineering', ...args);
      expect([r.code, r.stderr]).toEqual([1, `error: ${message}`]);
    }
  }, 60_000);

  it('sets a tier’s review period of a service, and says the version and the draft of a service never proposed', async () => {
    await chatbot();
    const set = await box.run('review', 'set-period', ...BOT, '--tier', 'slo', '--months', '6');
    expect(set.stdoutLines.at(-1)).toBe('  chatbot: never proposed, so no review is due');
    expect((await box.json<JsonReviewStatus>('review', 'status', ...W)).services[0]!.months).toEqual({ sla: 12, slo: 6, target: 3 });
    const none = await box.run('proposal', 'list', ...W);
    expect(none.stdoutLines).toEqual(['chatbot: 0 versions, none approved. chatbot was never proposed: the current draft is all there is']);
    const bad = await box.run('review', 'set-period', ...BOT, '--tier', 'slo', '--months', '0');
    expect([bad.code, bad.stderr]).toEqual([1, 'error: A review period is a whole number of months from 1 to 60, not 0 [--months]']);
  }, 60_000);

  it('names the roles that must approve, and a workspace that requires security too approves only once security has', async () => {
    await chatbot();
    expect((await box.run('roles', 'list', ...W)).stdoutLines).toEqual([
      'A version is approved once engineering, product, business and operations approved it and nobody objects',
    ]);
    const set = await box.json<JsonRoles>('roles', 'set', ...W, 'Engineering', 'product', 'security');
    expect(set.roles).toEqual(['engineering', 'product', 'security']);
    await box.json('proposal', 'create', ...BOT);
    await box.json('signoff', 'add', ...BOT, '--version', '1', '--name', 'Ana', '--role', 'engineering', '--decision', 'approve');
    const signed = await box.json<JsonSignoffs>('signoff', 'add', ...BOT, '--version', '1', '--name', 'Ben', '--role', 'product', '--decision', 'approve');
    expect(signed.signoffs.approval.summary).toBe('not approved: needs an approval from security');
    const twice = await box.run('roles', 'set', ...W, 'a', 'A');
    expect([twice.code, twice.stderr]).toEqual([1, 'error: Role "a" is listed twice [<role...>]']);
  }, 60_000);
});
