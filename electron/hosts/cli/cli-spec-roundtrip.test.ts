// Workspace → OpenSLO → new workspace → OpenSLO through the CLI: the second export is byte for byte the first, and
// the two workspaces agree on everything OpenSLO carries (SLI kinds, wording, queries, histograms, every tier's target,
// window, method, slice and latency threshold, the services depended on).
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';

let box: Sandbox;
const A = ['--workspace', 'a.slowb'] as const;

/** Runs a command that must succeed (text output), returning its stdout. */
async function ok(...argv: string[]): Promise<string> {
  const r = await box.run(...argv);
  if (r.code !== 0) throw new Error(`slo-workbench ${argv.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

const tier = (service: string, sli: string, ...rest: string[]) => ok('objective', 'set', ...A, '--service', service, '--sli', sli, '--tier', ...rest);

beforeEach(async () => {
  box = makeSandbox();
  await ok('workspace', 'create', 'a.slowb');
  for (const s of ['chatbot', 'checkout', 'search', 'Payment Gateway']) await ok('service', 'add', ...A, s);
  const chat = 'chat_response_seconds';
  await ok(
    ...['sli', 'add', ...A, '--service', 'chatbot', '--kind', 'latency', '--threshold-ms', '200', '--histogram', chat, '--le', '0.2'],
    ...['--good-query', `sum(rate(${chat}_bucket{le="0.2"}[{{.window}}]))`, '--total-query', `sum(rate(${chat}_count[{{.window}}]))`, 'latency'],
  );
  await ok(
    'sli',
    'add',
    ...A,
    '--service',
    'checkout',
    '--good-query',
    'sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))',
    '--total-query',
    'sum(rate(http_requests_total[{{.window}}]))',
    'availability',
  );
  await ok(
    'sli',
    'add',
    ...A,
    '--service',
    'search',
    '--kind',
    'correctness',
    '--bad-query',
    'sum(rate(search_wrong_total[{{.window}}]))',
    '--total-query',
    'sum(rate(search_total[{{.window}}]))',
    'correctness',
  );
  await ok(
    'sli',
    'add',
    ...A,
    '--service',
    'search',
    '--kind',
    'freshness',
    '--max-age',
    '10m',
    '--error-ratio-query',
    'sum(rate(stale_reads_total[{{.window}}])) / sum(rate(reads_total[{{.window}}]))',
    'freshness',
  );
  await ok(
    'sli',
    'add',
    ...A,
    '--service',
    'search',
    '--kind',
    'custom',
    '--good-wording',
    'AI responses rated helpful by users',
    '--total-wording',
    'rated AI responses',
    'helpful',
  );
  await ok('sli', 'add', ...A, '--service', 'Payment Gateway', 'Card Auth');
  for (const [t, target, ms] of [
    ['sla', '90', '150'],
    ['slo', '99', '200'],
    ['target', '99.5', '200'],
  ])
    await tier('chatbot', 'latency', t!, '--target', target!, '--window', '1d', '--threshold-ms', ms!);
  await tier('checkout', 'availability', 'slo', '--target', '99.9', '--window', '30d');
  await tier('checkout', 'availability', 'target', '--target', '99.95', '--window', 'calendar-month:Europe/Berlin', '--method', 'timeslices', '--slice', '5m');
  await tier('search', 'correctness', 'slo', '--target', '99', '--window', '7d');
  await tier('search', 'freshness', 'sla', '--target', '95', '--window', '28d');
  await tier('search', 'helpful', 'target', '--target', '95', '--window', '30d', '--method', 'ratio-timeslices', '--slice', '1h');
  await tier('Payment Gateway', 'Card Auth', 'slo', '--target', '99.9', '--window', 'calendar-quarter');
  await ok('dependency', 'add', ...A, '--service', 'checkout', '--on', 'Payment Gateway');
  await ok('dependency', 'add', ...A, '--service', 'checkout', '--on', 'search');
});
afterEach(() => box.cleanup());

/** The exported files of a folder by name, the manifest left out. */
const filesOf = (folder: string) =>
  Object.fromEntries(
    readdirSync(box.path(folder))
      .filter((f) => f !== '.slo-workbench-export.json')
      .sort()
      .map((f) => [f, readFileSync(box.path(`${folder}/${f}`), 'utf8')]),
  );

/** What `show --json` says of the services, without the workspace's own name and path. */
async function services(workspace: string): Promise<unknown> {
  return (await box.json<{ services: unknown }>('show', '--workspace', workspace)).services;
}

describe('a workspace exported to OpenSLO and imported into a new workspace', () => {
  it('exports the same bytes again, and both workspaces show the same services, SLIs and tiers', async () => {
    await ok('export', ...A, '--format', 'openslo', '--out', 'first');
    const first = filesOf('first');
    expect(Object.keys(first)).toEqual(['LOSSES-openslo.md', 'chatbot.yaml', 'checkout.yaml', 'payment-gateway.yaml', 'search.yaml']);
    // The loss report names what OpenSLO cannot carry; the round trip must bring back everything else.
    expect(first['LOSSES-openslo.md']).toContain('**names** (Payment Gateway; Payment Gateway / Card Auth)');

    await ok('workspace', 'create', 'b.slowb');
    const yamlFiles = Object.keys(first)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `first/${f}`);
    expect((await ok('import-spec', ...yamlFiles, '--workspace', 'b.slowb')).split('\n')).toEqual([
      // Each service depended on is imported before checkout, which depends on them.
      'Created chatbot (added latency): proposed as version 1',
      'Created search (added correctness, freshness, helpful): proposed as version 1',
      'Created Payment Gateway (added Card Auth): proposed as version 1',
      'Created checkout (added availability): proposed as version 1',
    ]);
    await ok('export', '--workspace', 'b.slowb', '--format', 'openslo', '--out', 'second');
    expect(filesOf('second')).toEqual(first);

    expect(await services('b.slowb')).toEqual(await services('a.slowb'));
    for (const [service] of [['chatbot'], ['checkout'], ['search'], ['Payment Gateway']]) {
      const a = await box.json<{ slis: unknown }>('sli', 'list', ...A, '--service', service!);
      const b = await box.json<{ slis: unknown }>('sli', 'list', '--workspace', 'b.slowb', '--service', service!);
      expect(b.slis).toEqual(a.slis);
    }
  }, 60_000);
});
