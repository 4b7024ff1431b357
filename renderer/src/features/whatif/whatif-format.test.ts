import { describe, expect, it } from 'vitest';
import { estimateText, spentText, spreadText } from './whatif-format';

describe('how the What-if screen writes its numbers', () => {
  it('gives the 95 % interval beside the probability, and P50 with P90 for spreads', () => {
    expect(estimateText({ probability: 0.125, low: 0.1186, high: 0.1317, count: 1250, trials: 10_000 })).toBe('12.5 % (95 %: 11.9–13.2 %)');
    expect(estimateText({ probability: 0.02, low: 0.0174, high: 0.023, count: 200, trials: 10_000 })).toBe('2 % (95 %: 1.7–2.3 %)');
    expect(spentText({ mean: 0.6, p10: 0.2, p50: 0.55, p90: 1.08 })).toBe('55 % · P90 108 %');
    expect(spreadText({ mean: 1, p10: 0, p50: 1, p90: 3.25 })).toBe('1 · P90 3.3');
  });
});
