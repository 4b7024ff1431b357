import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '#shared/ipc/contract';
import { storedText } from './import-display';

const stored: ImportSummary = {
  status: 'stored',
  importId: 1,
  fileName: 'ec2.csv',
  format: 'csv',
  accepted: 4021,
  rejected: 0,
  merged: 11,
  issues: [],
  series: [{ name: 'value', points: 4021, stepMs: 300_000, startMs: 0, endMs: 1 }],
};

describe('the sentence of a stored import', () => {
  it('counts every row of the file: kept, merged as repeated times, skipped as bad', () => {
    expect(storedText(stored)).toBe(
      'Stored 4,021 rows from ec2.csv (CSV / TSV table); 11 rows repeated an earlier time and were merged (the last of each kept).',
    );
    expect(storedText({ ...stored, accepted: 1, merged: 1, rejected: 2 })).toBe(
      'Stored 1 row from ec2.csv (CSV / TSV table); 1 row repeated an earlier time and was merged (the last of each kept); 2 bad rows skipped.',
    );
    expect(storedText({ ...stored, merged: 0 })).toBe('Stored 4,021 rows from ec2.csv (CSV / TSV table).');
  });
});
