import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFreshnessMaxAgeMs, checkHistogram, checkPromQuery, checkSliQueries, checkWording, fillWindow, unbalancedBracket } from './queries';

const GOOD = 'sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))';

describe('an SLI query', () => {
  it('is accepted with {{.window}} where the range goes and every bracket closed', () => {
    expect(checkPromQuery(`  ${GOOD} `, 'good')).toEqual({ ok: true, value: GOOD });
    expect(checkPromQuery('sum(rate(x[{{ .window }}])) / sum(rate(y[{{.window}}]))', 'error ratio').ok).toBe(true);
  });

  it('is refused without the placeholder, with another template, or empty', () => {
    expect(checkPromQuery('sum(rate(x[5m]))', 'total')).toEqual({
      ok: false,
      message: 'The total query must use {{.window}} where the range goes, e.g. rate(http_requests_total[{{.window}}])',
    });
    expect(checkPromQuery('sum(rate(x{job="{{.job}}"}[{{.window}}]))', 'good')).toEqual({
      ok: false,
      message: 'The good query uses a template other than {{.window}}, which nothing fills in',
    });
    expect(checkPromQuery('   ', 'bad')).toEqual({ ok: false, message: 'The bad query must not be empty' });
  });

  it('names the bracket that is not closed, or closed by the wrong one', () => {
    expect(checkPromQuery('sum(rate(x[{{.window}}])', 'total')).toEqual({
      ok: false,
      message: 'The total query has unbalanced brackets: the "(" at character 4 is never closed',
    });
    expect(unbalancedBracket('sum(rate(x[5m)))')).toEqual({ position: 14, message: '")" at character 14 does not close the "[" at character 11' });
    expect(unbalancedBracket('x)')).toEqual({ position: 2, message: '")" at character 2 closes nothing' });
  });

  it('ignores brackets inside string literals and comments', () => {
    expect(unbalancedBracket('sum(rate(x{path=~"/a(b"}[5m])) # (comment')).toBeNull();
    expect(unbalancedBracket('x{a="\\"("}')).toBeNull();
    expect(unbalancedBracket('x{a="open')).toEqual({ position: 9, message: 'a string opened with " is never closed' });
  });

  it('finds no unbalanced bracket in any nesting of balanced pairs (property)', () => {
    const balanced: fc.Arbitrary<string> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('x', 'rate', '5m', ''),
        fc.tuple(fc.constantFrom(['(', ')'], ['[', ']'], ['{', '}']), tie('node')).map(([[a, b], inner]) => `${a}${inner as string}${b}`),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => `${a as string}${b as string}`),
      ),
    })).node as fc.Arbitrary<string>;
    fc.assert(fc.property(balanced, (text) => unbalancedBracket(text) === null));
    fc.assert(fc.property(balanced, (text) => unbalancedBracket(`${text})`) !== null && unbalancedBracket(`(${text}`) !== null));
  });

  it('checks every query of a set and names the one that is wrong', () => {
    expect(checkSliQueries({ form: 'bad-total', bad: GOOD, total: 'sum(rate(x[5m]))' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The total query/),
    });
    expect(checkSliQueries({ form: 'error-ratio', errorRatio: ` ${GOOD}` })).toEqual({ ok: true, value: { form: 'error-ratio', errorRatio: GOOD } });
  });

  it('has every {{.window}} filled with a range', () => {
    expect(fillWindow('a[{{.window}}] / b[{{ .window }}]', '60s')).toBe('a[60s] / b[60s]');
  });
});

describe('a latency histogram, a maximum data age and a wording', () => {
  it('takes the metric without _bucket and an le bound above 0', () => {
    expect(checkHistogram({ metric: ' http_request_duration_seconds_bucket', le: '0.2' })).toEqual({
      ok: true,
      value: { metric: 'http_request_duration_seconds', le: '0.2' },
    });
    expect(checkHistogram({ metric: 'x', le: '+Inf' }).ok).toBe(true);
    expect(checkHistogram({ metric: '2xx', le: '0.2' })).toMatchObject({ ok: false, message: expect.stringContaining('not "2xx"') });
    expect(checkHistogram({ metric: 'x', le: '0' })).toMatchObject({ ok: false, message: expect.stringContaining('not "0"') });
  });

  it('takes a maximum age in milliseconds up to 30 days', () => {
    expect(checkFreshnessMaxAgeMs('600000 ms')).toEqual({ ok: true, value: 600_000 });
    expect(checkFreshnessMaxAgeMs(0).ok).toBe(false);
    expect(checkFreshnessMaxAgeMs(31 * 86_400_000)).toEqual({ ok: false, message: 'The maximum data age must be at most 2592000000 ms (30 days)' });
  });

  it('takes a wording of good and total events, both on one line', () => {
    expect(checkWording({ good: ' responses rated helpful ', total: 'rated responses' })).toEqual({
      ok: true,
      value: { good: 'responses rated helpful', total: 'rated responses' },
    });
    expect(checkWording({ good: 'x', total: '' })).toEqual({
      ok: false,
      message: 'The wording of total events must not be empty (e.g. "responses rated helpful")',
    });
    expect(checkWording({ good: 'a\nb', total: 'y' }).ok).toBe(false);
  });
});
