import { describe, expect, it } from 'vitest';
import { NO_SLI_DETAILS, type Sli } from '#shared/domain/types';
import { changesOf, draftOf } from './measurement-draft';

const sli = (more: Partial<Sli>): Sli => ({
  id: 1,
  serviceId: 1,
  name: 'x',
  kind: 'availability',
  latencyThresholdMs: null,
  ...NO_SLI_DETAILS,
  objectives: {},
  ...more,
});
const RATE = 'sum(rate(http_requests_total[{{.window}}]))';

describe('the "Measured by" editor of an SLI', () => {
  it('shows the kind’s wording and no queries for an SLI that has none', () => {
    expect(draftOf(sli({ kind: 'correctness' }))).toMatchObject({ good: 'correct results', total: 'results', form: 'none', first: '', second: '' });
  });

  it('saves the kind’s wording as unset, a changed one as the SLI’s own, and bad/total queries checked', () => {
    const s = sli({});
    expect(changesOf(s, { ...draftOf(s), form: 'bad-total', first: 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))', second: RATE })).toEqual({
      ok: true,
      changes: { wording: null, queries: { form: 'bad-total', bad: 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))', total: RATE } },
    });
    expect(changesOf(s, { ...draftOf(s), good: 'orders placed' })).toMatchObject({
      ok: true,
      changes: { wording: { good: 'orders placed', total: 'requests' } },
    });
  });

  it('names the field that is wrong: the total query, the histogram bucket, the maximum age', () => {
    const s = sli({});
    expect(changesOf(s, { ...draftOf(s), form: 'good-total', first: RATE, second: 'sum(x)' })).toMatchObject({ ok: false, field: 'second' });
    const latency = sli({ kind: 'latency', latencyThresholdMs: 200 });
    expect(changesOf(latency, { ...draftOf(latency), histogramMetric: 'h', histogramLe: 'fast' })).toMatchObject({ ok: false, field: 'histogram' });
    const fresh = sli({ kind: 'freshness', freshnessMaxAgeMs: 600_000 });
    expect(draftOf(fresh).maxAgeMinutes).toBe('10');
    expect(changesOf(fresh, { ...draftOf(fresh), maxAgeMinutes: '15' })).toMatchObject({ ok: true, changes: { freshnessMaxAgeMs: 900_000 } });
    expect(changesOf(fresh, { ...draftOf(fresh), maxAgeMinutes: '0' })).toMatchObject({
      ok: false,
      field: 'maxAge',
      message: expect.stringContaining('minutes'),
    });
  });

  it('keeps a custom SLI’s wording even when it matches the generic words, since a custom SLI must have its own', () => {
    const custom = sli({ kind: 'custom', wording: { good: 'good events', total: 'events' } });
    expect(changesOf(custom, draftOf(custom))).toMatchObject({ ok: true, changes: { wording: { good: 'good events', total: 'events' } } });
  });
});
