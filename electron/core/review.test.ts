import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from './registry';
import { exportedService } from './services/review-export';
import { value } from './test/temp-core';

let dir: string;
let core: Core;
let nowMs: number;
let serviceId: number;
let sliId: number;

const coreOn = () => createCore({ host: 'cli', version: 'test', settingsDir: join(dir, 'settings'), resolvePath: (p) => resolve(dir, p), now: () => nowMs });
const setSlo = (targetPpm: number, days = 30) =>
  value(core.call('objective/set', { sliId, tier: 'slo', targetPpm, window: { kind: 'rolling', days }, method: 'occurrences' }));
const propose = (rationale = '') => value(core.call('proposal/create', { serviceId, rationale }));
const list = () => value(core.call('proposal/list', { serviceId }));
const sign = (version: number, name: string, role: string, decision: 'approve' | 'object' | 'abstain' = 'approve', date: string | null = null) =>
  value(core.call('signoff/add', { serviceId, version, name, role, decision, date }));
const undo = () => value(core.call('edit/undo', {}));
const redo = () => value(core.call('edit/redo', {}));
const approveByAll = async (version: number) => {
  for (const role of ['engineering', 'product', 'business', 'operations']) await sign(version, `${role} lead`, role);
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'swb-review-'));
  nowMs = Date.UTC(2027, 0, 15, 12);
  core = coreOn();
  await value(core.call('workspace/create', { path: 'w.slowb' }));
  serviceId = (await value(core.call('service/create', { name: 'checkout' }))).id;
  sliId = (await value(core.call('sli/create', { serviceId, name: 'availability', kind: 'availability' }))).id;
  await setSlo(999_000);
}, 30_000);
afterEach(() => {
  core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('proposals', () => {
  it('proposes the current plan as version 1, one undoable edit; undo takes it back and redo brings it back', async () => {
    const events: (number | null)[] = [];
    core.on('review-changed', (p) => events.push(p.serviceId));
    const v1 = await propose('First agreed tiers');
    expect(v1).toMatchObject({ number: 1, state: 'proposed', rationale: 'First agreed tiers', proposedOn: '2027-01-15', signoffs: 0, comments: 0 });
    expect(v1.approval.summary).toBe('not approved: needs an approval from engineering, product, business and operations');
    expect(events).toEqual([serviceId]);
    expect(core.session.state().undoLabel).toBe('Propose version 1 of checkout');
    expect((await list()).draft).toEqual({ since: 1, changed: false, text: 'The current draft matches version 1' });
    await undo();
    expect((await list()).versions).toEqual([]);
    await redo();
    expect((await list()).versions).toEqual([v1]);
  });

  it('refuses to propose a plan that has not changed since the latest version, or a service without a tier', async () => {
    await propose();
    const again = await core.call('proposal/create', { serviceId, rationale: '' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'checkout has not changed since version 1: change its plan before proposing a new version' },
    });
    const empty = await value(core.call('service/create', { name: 'empty' }));
    const none = await core.call('proposal/create', { serviceId: empty.id, rationale: '' });
    expect(none).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'serviceId' } } });
  });

  it('keeps a version as proposed while the catalog changes: the draft is "changed since version 1", and the diff says how', async () => {
    await propose();
    await setSlo(999_500, 28);
    expect((await list()).draft).toEqual({ since: 1, changed: true, text: 'The current draft is changed since version 1 (3 changes)' });
    const v2 = await propose('Tighter, on four weeks');
    expect(v2.number).toBe(2);
    const diff = await value(core.call('proposal/diff', { serviceId, from: 1, to: 2 }));
    expect(diff.changes.map((c) => c.text)).toEqual([
      'SLO of checkout / availability: 99.9 % → 99.95 %',
      'SLO window of checkout / availability: rolling 30 days → rolling 28 days',
      'SLO alert set of checkout / availability: SRE workbook, 30 days → SRE workbook, 28 days',
    ]);
    expect(diff.impact).toEqual([]);
    const detail = await value(core.call('proposal/get', { serviceId, version: 1 }));
    expect(detail.snapshot.service.slis[0]!.objectives.slo).toMatchObject({ targetPpm: 999_000, window: { kind: 'rolling', days: 30 } });
  });

  it('names the versions there are when asked for one that is not', async () => {
    await propose();
    const missing = await core.call('proposal/diff', { serviceId, from: 1, to: 4 });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'checkout has no version 4: its versions are 1 to 1', details: { field: 'to' } },
    });
  });
});

describe('sign-off', () => {
  it('approves a version once every required role approved and nobody objects, each sign-off an undoable edit', async () => {
    await propose();
    await sign(1, 'Ana', 'engineering');
    await sign(1, 'Ben', 'product', 'object');
    await sign(1, 'Cy', 'business');
    const blocked = await sign(1, 'Dee', 'operations');
    expect(blocked.approval).toMatchObject({ approved: false, missingRoles: ['product'], objections: [{ name: 'Ben', role: 'product' }] });
    expect(core.session.state().undoLabel).toBe('Record the approval of Dee (operations) on version 1 of checkout');
    const won = await sign(1, 'Ben', 'product', 'approve');
    expect(won.approval.summary).toBe('approved by engineering, product, business and operations');
    expect((await list()).versions[0]).toMatchObject({ state: 'approved', signoffs: 5 });
    await undo();
    expect((await list()).versions[0]).toMatchObject({ state: 'proposed', signoffs: 4 });
  });

  it('dates a sign-off today by default and refuses a day before the proposal or after today', async () => {
    await propose();
    expect((await sign(1, 'Ana', 'engineering')).signoffs[0]!.date).toBe('2027-01-15');
    for (const date of ['2027-01-14', '2027-01-16']) {
      const refused = await core.call('signoff/add', { serviceId, version: 1, name: 'Ana', role: 'engineering', decision: 'approve', date });
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'date' } } });
    }
  });

  it('writes roles in lower case and refuses an unknown decision, naming the field', async () => {
    await propose();
    expect((await sign(1, 'Ana', ' Engineering ')).signoffs[0]!.role).toBe('engineering');
    const refused = await core.call('signoff/add', { serviceId, version: 1, name: 'Ana', role: 'engineering', decision: 'maybe' as 'approve' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'decision' } } });
  });

  it('does not take back a proposal when a sign-off was recorded on it elsewhere: the undo fails and says why', async () => {
    await propose();
    const other = coreOn();
    await value(other.call('workspace/open', { path: 'w.slowb' }));
    await value(other.call('signoff/add', { serviceId, version: 1, name: 'Ana', role: 'engineering', decision: 'approve' }));
    other.dispose();
    const undone = await core.call('edit/undo', {});
    expect(undone).toMatchObject({ ok: false, error: { code: 'UNDO_FAILED' } });
    expect(undone.ok ? '' : undone.error.message).toContain('version 1 has 1 sign-off recorded since, so it cannot be taken back');
    expect((await list()).versions).toHaveLength(1);
  });

  it('brings a deleted service back with its versions, sign-offs and comments when the deletion is undone', async () => {
    await propose('First');
    await sign(1, 'Ana', 'engineering');
    await value(core.call('comment/add', { serviceId, version: 1, author: 'Cy', text: 'Looks right' }));
    await value(core.call('review/set-period', { serviceId, tier: 'slo', months: 6 }));
    const before = await list();
    await value(core.call('service/delete', { serviceId }));
    expect(core.session.review().listVersions(serviceId)).toEqual([]);
    await undo();
    expect(await list()).toEqual(before);
    expect(await value(core.call('comment/list', { serviceId, version: 1 }))).toMatchObject([{ text: 'Looks right' }]);
    expect((await value(core.call('review/status', { serviceId }))).services[0]!.months.slo).toBe(6);
  });

  it('keeps comments per version, undoably', async () => {
    await propose();
    await value(core.call('comment/add', { serviceId, version: 1, author: 'Cy', text: 'What did last quarter look like?' }));
    expect(await value(core.call('comment/list', { serviceId, version: 1 }))).toMatchObject([{ author: 'Cy', text: 'What did last quarter look like?' }]);
    await undo();
    expect(await value(core.call('comment/list', { serviceId, version: 1 }))).toEqual([]);
  });

  it('lets the workspace name its own required roles, at least one, undoably', async () => {
    expect(await value(core.call('roles/list', {}))).toEqual(['engineering', 'product', 'business', 'operations']);
    expect(await value(core.call('roles/set', { roles: ['Engineering', 'security'] }))).toEqual(['engineering', 'security']);
    expect(await core.call('roles/set', { roles: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { field: 'roles' } } });
    expect(await core.call('roles/set', { roles: ['a', 'A'] })).toMatchObject({ ok: false, error: { message: 'Role "a" is listed twice' } });
    await undo();
    expect(await value(core.call('roles/list', {}))).toEqual(['engineering', 'product', 'business', 'operations']);
  });
});

describe('what an export takes', () => {
  it('takes the approved version by default, and after an edit that starts a new draft, still the approved one until another is approved', async () => {
    expect(exportedService(core.session, serviceId, 'default').version).toEqual({
      number: null,
      state: 'draft',
      rationale: '',
      proposedOn: null,
      requiredRoles: ['engineering', 'product', 'business', 'operations'],
      signoffs: [],
    });
    expect(() => exportedService(core.session, serviceId, 'approved')).toThrow(
      'checkout has no approved version: every required role (engineering, product, business, operations) must approve one',
    );
    await propose('First');
    await approveByAll(1);
    await setSlo(999_500);
    const approved = exportedService(core.session, serviceId, 'default');
    expect(approved.version).toMatchObject({ number: 1, state: 'approved', rationale: 'First', proposedOn: '2027-01-15' });
    expect(approved.version.signoffs).toHaveLength(4);
    expect(approved.service.slis[0]!.objectives.slo!.targetPpm).toBe(999_000);
    await propose('Tighter');
    expect(exportedService(core.session, serviceId, 'default').version.number).toBe(1);
    expect(exportedService(core.session, serviceId, { version: 2 }).version).toMatchObject({ number: 2, state: 'proposed', signoffs: [] });
    await approveByAll(2);
    expect(exportedService(core.session, serviceId, 'approved').service.slis[0]!.objectives.slo!.targetPpm).toBe(999_500);
  });
});

describe('review cadence', () => {
  it('reviews the SLO yearly from its approval, flags it overdue the day after, and takes a service’s own period', async () => {
    await propose();
    await approveByAll(1);
    const status = await value(core.call('review/status', {}));
    expect(status).toMatchObject({ today: '2027-01-15', overdue: 0 });
    expect(status.services[0]).toMatchObject({
      approvedVersion: 1,
      overdue: false,
      text: 'checkout: next review 2028-01-15 for the SLO (version 1, approved)',
    });
    nowMs = Date.UTC(2028, 0, 16);
    expect((await value(core.call('review/status', {}))).services[0]).toMatchObject({
      overdue: true,
      text: 'checkout: review overdue for the SLO (due 2028-01-15) (version 1, approved)',
    });
    nowMs = Date.UTC(2027, 6, 16);
    const six = await value(core.call('review/set-period', { serviceId, tier: 'slo', months: 6 }));
    expect(six).toMatchObject({ overdue: true, months: { sla: 12, slo: 6, target: 3 }, reviews: [{ tier: 'slo', nextDay: '2027-07-15', daysOverdue: 1 }] });
    expect(core.session.state().undoLabel).toBe('Review the SLO of checkout every 6 months');
    await undo();
    expect((await value(core.call('review/status', { serviceId }))).services[0]!.overdue).toBe(false);
  });

  it('counts from the proposal while no version is approved, and a service never proposed has nothing due', async () => {
    await value(core.call('objective/set', { sliId, tier: 'target', targetPpm: 999_900, window: { kind: 'rolling', days: 30 }, method: 'occurrences' }));
    await value(core.call('service/create', { name: 'search' }));
    await propose();
    nowMs = Date.UTC(2027, 3, 16);
    const status = await value(core.call('review/status', {}));
    expect(status.services.map((s) => s.text)).toEqual([
      'checkout: review overdue for the performance target (due 2027-04-15) (version 1, proposed)',
      'search: never proposed, so no review is due',
    ]);
  });
});

describe('historical impact', () => {
  it('says in how many weeks of the last quarter each target was met, from the SLI’s imported history', async () => {
    const monday = Date.UTC(2026, 8, 7);
    const shares = [0.01, 0.0005, 0.002, 0.0007, 0.0004, 0.0006, 0.003, 0, 0, 0, 0.0001, 0.0002, 0, 0.0003];
    const lines = ['time,good,total'];
    for (let h = 1; h <= shares.length * 168; h++)
      lines.push(`${new Date(monday + h * 3_600_000).toISOString()},${1000 * (1 - shares[Math.floor((h - 1) / 168)]!)},1000`);
    writeFileSync(join(dir, 'history.csv'), lines.join('\n'));
    const csv = { mapping: { kind: 'good-total', time: 'time', good: 'good', total: 'total' }, timeFormat: 'iso' } as const;
    await value(core.call('import/file', { sliId, path: 'history.csv', format: 'csv', csv }));
    await propose();
    await setSlo(999_500);
    const diff = await value(core.call('proposal/diff', { serviceId, from: 1, to: null }));
    expect(diff.to).toBeNull();
    expect(diff.impact.map((i) => i.text)).toEqual([
      'last quarter: SLO of checkout / availability met in 11 of 13 weeks under the old target (99.9 %), 9 of 13 under the new (99.95 %)',
    ]);
    expect(diff.notes).toEqual([]);
  });
});
