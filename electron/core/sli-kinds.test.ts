import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from './registry';
import { removeTempCore, tempCore, value } from './test/temp-core';

let made: { dir: string; core: Core };
let serviceId: number;
beforeEach(async () => {
  made = tempCore('swb-kinds-');
  await value(made.core.call('workspace/create', { path: 'w.slowb' }));
  serviceId = (await value(made.core.call('service/create', { name: 'chatbot' }))).id;
});
afterEach(() => removeTempCore(made));

const call = (channel: string, args: unknown) => made.core.call(channel as 'sli/create', args as never);
const HELPFUL = { good: 'responses rated helpful', total: 'rated responses' };
const QUERIES = { form: 'good-total', good: 'sum(rate(ratings_total{helpful="yes"}[{{.window}}]))', total: 'sum(rate(ratings_total[{{.window}}]))' };

describe('SLI kinds beyond availability and latency', () => {
  it('creates a custom SLI with its wording and queries, and reads them back from the catalog', async () => {
    const sli = await value(call('sli/create', { serviceId, name: 'rated helpful', kind: 'custom', wording: HELPFUL, queries: QUERIES }));
    expect(sli).toMatchObject({ kind: 'custom', wording: HELPFUL, queries: QUERIES, freshnessMaxAgeMs: null, histogram: null, latencyThresholdMs: null });
    const [service] = await value(made.core.call('catalog/list', {}));
    expect(service!.slis[0]).toEqual(sli);
  });

  it('refuses a custom SLI without wording and a freshness SLI without its maximum age, naming the field', async () => {
    expect(await call('sli/create', { serviceId, name: 'x', kind: 'custom' })).toMatchObject({
      ok: false,
      error: { details: { field: 'wording' }, message: expect.stringContaining('wording of good and total events') },
    });
    expect(await call('sli/create', { serviceId, name: 'x', kind: 'freshness' })).toMatchObject({
      ok: false,
      error: { details: { field: 'freshnessMaxAgeMs' } },
    });
    const fresh = await value(call('sli/create', { serviceId, name: 'index freshness', kind: 'freshness', freshnessMaxAgeMs: 600_000 }));
    expect(fresh).toMatchObject({ kind: 'freshness', freshnessMaxAgeMs: 600_000 });
  });

  it('refuses a query without {{.window}} or with an unclosed bracket, and fields of another kind', async () => {
    const noWindow = await call('sli/create', {
      serviceId,
      name: 'x',
      kind: 'correctness',
      queries: { form: 'bad-total', bad: 'sum(rate(wrong[5m]))', total: QUERIES.total },
    });
    expect(noWindow).toMatchObject({ ok: false, error: { message: expect.stringContaining('The bad query must use {{.window}}') } });
    const unclosed = await call('sli/create', {
      serviceId,
      name: 'x',
      kind: 'correctness',
      queries: { form: 'error-ratio', errorRatio: 'sum(rate(e[{{.window}}])' },
    });
    expect(unclosed).toMatchObject({ ok: false, error: { message: expect.stringContaining('unbalanced brackets') } });
    const histogramOnAvailability = await call('sli/create', { serviceId, name: 'x', kind: 'availability', histogram: { metric: 'h', le: '0.2' } });
    expect(histogramOnAvailability).toMatchObject({
      ok: false,
      error: { details: { field: 'histogram' }, message: 'Only latency SLIs have a histogram metric' },
    });
  });

  it('updates a latency SLI with its histogram and queries as one undoable edit', async () => {
    const sli = await value(call('sli/create', { serviceId, name: 'latency', kind: 'latency', latencyThresholdMs: 200 }));
    const histogram = { metric: 'chat_response_seconds_bucket', le: '0.2' };
    const updated = await value(call('sli/update', { sliId: sli.id, histogram, queries: QUERIES }));
    expect(updated).toMatchObject({ latencyThresholdMs: 200, histogram: { metric: 'chat_response_seconds', le: '0.2' }, queries: QUERIES });
    expect(made.core.session.state().undoLabel).toBe('Edit SLI "latency"');
    await value(made.core.call('edit/undo', {}));
    const [service] = await value(made.core.call('catalog/list', {}));
    expect(service!.slis[0]).toMatchObject({ histogram: null, queries: null, latencyThresholdMs: 200 });
    // clearing a field: null removes it
    await value(call('sli/update', { sliId: sli.id, queries: QUERIES }));
    expect(await value(call('sli/update', { sliId: sli.id, queries: null }))).toMatchObject({ queries: null });
  });
});
