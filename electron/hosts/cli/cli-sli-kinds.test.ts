import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonSliChanged } from './json-output';

let box: Sandbox;
const W = ['--workspace', 'w.slowb'] as const;
const S = [...W, '--service', 'chatbot'] as const;

beforeEach(async () => {
  box = makeSandbox();
  await box.json('workspace', 'create', 'w.slowb');
  await box.json('service', 'add', ...W, 'chatbot');
});
afterEach(() => box.cleanup());

describe('slo-workbench sli add and sli update with the kinds, wording, queries and histogram', () => {
  it('adds a custom SLI with its own wording and queries, and prints what it measures', async () => {
    const args = ['sli', 'add', ...S, '--kind', 'custom', '--good-wording', 'responses rated helpful', '--total-wording', 'rated responses'];
    const queries = ['--good-query', 'sum(rate(ratings_total{helpful="yes"}[{{.window}}]))', '--total-query', 'sum(rate(ratings_total[{{.window}}]))'];
    const run = await box.run(...args, ...queries, 'rated helpful');
    expect(run.stdoutLines).toEqual([
      'Added custom SLI chatbot / rated helpful',
      '  measures responses rated helpful of all rated responses',
      '  good:  sum(rate(ratings_total{helpful="yes"}[{{.window}}]))',
      '  total: sum(rate(ratings_total[{{.window}}]))',
    ]);
    const listed = await box.json<{ slis: JsonSliChanged['sli'][] }>('sli', 'list', ...S);
    expect(listed.slis[0]).toMatchObject({
      kind: 'custom',
      wording: { good: 'responses rated helpful', total: 'rated responses' },
      queries: { form: 'good-total' },
    });
  });

  it('adds correctness and freshness SLIs with their kind’s wording and a maximum age given as a duration', async () => {
    const correct = await box.json<JsonSliChanged>('sli', 'add', ...S, '--kind', 'correctness', 'answers correct');
    expect(correct.sli).toMatchObject({ kind: 'correctness', wording: { good: 'correct results', total: 'results' }, freshnessMaxAgeMs: null });
    const fresh = await box.json<JsonSliChanged>('sli', 'add', ...S, '--kind', 'freshness', '--max-age', '10m', 'index freshness');
    expect(fresh.sli).toMatchObject({ kind: 'freshness', freshnessMaxAgeMs: 600_000 });
  });

  it('refuses wrong input naming the option: an unclosed bracket, a missing {{.window}}, a lone --le, an unknown kind', async () => {
    const cases: [string[], string][] = [
      [['--kind', 'availability', '--bad-query', 'sum(rate(e[{{.window}}])', '--total-query', 'sum(rate(t[{{.window}}]))'], '--bad-query'],
      [['--kind', 'availability', '--error-ratio-query', 'sum(rate(e[5m]))'], '--error-ratio-query'],
      [['--kind', 'latency', '--threshold-ms', '200', '--le', '0.2'], '--histogram'],
      [['--kind', 'custom'], '--good-wording'],
      [['--kind', 'throughput'], '--kind'],
      [['--kind', 'freshness', '--max-age', 'soon'], '--max-age'],
    ];
    for (const [options, option] of cases) {
      const run = await box.run('sli', 'add', ...S, ...options, 'x', '--json');
      expect([options.join(' '), run.code, JSON.parse(run.stdout || run.stderr).error.details.option]).toEqual([options.join(' '), 1, option]);
    }
    const unclosed = await box.run('sli', 'add', ...S, '--bad-query', 'sum(rate(e[{{.window}}])', '--total-query', 'sum(rate(t[{{.window}}]))', 'x');
    expect(unclosed.stderr).toContain('The bad query has unbalanced brackets: the "(" at character 4 is never closed');
  });

  it('updates a latency SLI with its histogram and queries, then clears the queries, leaving the rest as it was', async () => {
    await box.json('sli', 'add', ...S, '--kind', 'latency', '--threshold-ms', '200', 'latency');
    const updated = await box.json<JsonSliChanged>(
      'sli',
      'update',
      ...S,
      'latency',
      '--histogram',
      'chat_response_seconds_bucket',
      '--le',
      '0.2',
      '--error-ratio-query',
      'slo:sli_error:ratio_rate{{.window}}',
    );
    expect(updated.sli).toMatchObject({
      latencyThresholdMs: 200,
      histogram: { metric: 'chat_response_seconds', le: '0.2' },
      queries: { form: 'error-ratio', errorRatio: 'slo:sli_error:ratio_rate{{.window}}' },
    });
    const cleared = await box.json<JsonSliChanged>('sli', 'update', ...S, 'latency', '--clear-queries');
    expect(cleared.sli).toMatchObject({ queries: null, histogram: { le: '0.2' }, latencyThresholdMs: 200 });
    const nothing = await box.run('sli', 'update', ...S, 'latency');
    expect([nothing.code, nothing.stderr]).toEqual([1, expect.stringContaining('Nothing to change')]);
  });
});
