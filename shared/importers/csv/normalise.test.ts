import { describe, expect, it } from 'vitest';
import { createSampleGatherer } from './normalise';

describe('createSampleGatherer', () => {
  it('joins samples across gathering chunks into exact-length columns in file order', () => {
    for (const rows of [0, 1, 65_536, 65_537, 150_001]) {
      const gather = createSampleGatherer();
      for (let i = 0; i < rows; i++) gather.add(i * 60_000, i % 7, 10 + (i % 11), i + 2);
      const raw = gather.finish();
      expect([raw.length, raw.t.length, raw.good.length, raw.total.length, raw.line.length]).toEqual([rows, rows, rows, rows, rows]);
      let mismatches = 0;
      for (let i = 0; i < rows; i++) {
        if (raw.t[i] !== i * 60_000 || raw.good[i] !== i % 7 || raw.total[i] !== 10 + (i % 11) || raw.line[i] !== i + 2) mismatches++;
      }
      expect(mismatches).toBe(0);
    }
  });
});
