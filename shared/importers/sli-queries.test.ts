import { describe, expect, it } from 'vitest';
import { liveImportQueries } from './sli-queries';

describe("a live import from an SLI's own queries", () => {
  it('turns per-second rates into events per step and fills the window with the step', () => {
    expect(liveImportQueries({ form: 'good-total', good: 'sum(rate(ok[{{.window}}]))', total: 'sum(rate(all[{{.window}}]))' }, 60)).toEqual({
      ok: true,
      value: { kind: 'good-total', good: '(sum(rate(ok[60s]))) * 60', total: '(sum(rate(all[60s]))) * 60' },
    });
  });

  it('keeps increases as they are: they already count the events of the step', () => {
    expect(liveImportQueries({ form: 'good-total', good: 'sum(increase(ok[{{.window}}]))', total: 'sum(increase(all[{{.window}}]))' }, 300)).toEqual({
      ok: true,
      value: { kind: 'good-total', good: 'sum(increase(ok[300s]))', total: 'sum(increase(all[300s]))' },
    });
  });

  it('asks for good = total − bad when the SLI counts bad events', () => {
    expect(liveImportQueries({ form: 'bad-total', bad: 'sum(rate(err[{{.window}}]))', total: 'sum(rate(all[{{.window}}]))' }, 60)).toEqual({
      ok: true,
      value: { kind: 'good-total', good: '((sum(rate(all[60s]))) * 60) - ((sum(rate(err[60s]))) * 60)', total: '(sum(rate(all[60s]))) * 60' },
    });
  });

  it('passes an error ratio through with its window filled', () => {
    expect(liveImportQueries({ form: 'error-ratio', errorRatio: 'slo:err:ratio_rate{{.window}}' }, 60)).toEqual({
      ok: true,
      value: { kind: 'error-ratio', errorRatio: 'slo:err:ratio_rate60s' },
    });
  });

  it('refuses a counting query that is neither a rate nor an increase, since its scale is unknown', () => {
    expect(liveImportQueries({ form: 'good-total', good: 'sum(rate(ok[{{.window}}]))', total: 'job:requests:sum{w="{{.window}}"}' }, 60)).toEqual({
      ok: false,
      message: expect.stringContaining("The SLI's total query uses neither rate() nor increase()"),
    });
    // a name inside a string literal does not count as a function
    expect(liveImportQueries({ form: 'bad-total', bad: 'x{f="rate(y)"}[{{.window}}]', total: 'sum(rate(all[{{.window}}]))' }, 60).ok).toBe(false);
  });
});
