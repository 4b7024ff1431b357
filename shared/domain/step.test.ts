import { describe, expect, it } from 'vitest';
import { medianStep } from './step';

describe('the median step of sample times', () => {
  it('is unknown (null) for an empty series and for a lone sample, which have no spacing to measure', () => {
    expect(medianStep(new Float64Array([]))).toBeNull();
    expect(medianStep([1_700_000_000_000])).toBeNull();
  });

  it('is the one step of a regular series and the lower median of an even count of steps', () => {
    expect(medianStep([0, 60_000, 120_000, 180_000])).toBe(60_000);
    expect(medianStep([0, 10, 40, 100, 200])).toBe(30);
  });
});
