import { describe, expect, it } from 'vitest';
import type { Service, Sli } from '#shared/domain/types';
import type { ImportSummary } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { unstorable } from '../../core/services/import-store';
import { reportImport } from './commands/import';

const service = { name: 'checkout' } as Service;
const sli = { name: 'availability' } as Sli;

function refusalMessage(summary: ImportSummary): string {
  try {
    reportImport(summary, service, sli);
  } catch (error) {
    return (error as AppFailure).error.message;
  }
  throw new Error('reportImport did not refuse');
}

describe('a refused import as the CLI reports it', () => {
  it('says nothing was stored once when the store already said so', () => {
    const issue = unstorable({ name: 'far', stepMs: 60_000, t: Float64Array.from([0, 60_000, 1e18]), good: new Float64Array(3), total: new Float64Array(3) })!;
    const summary = {
      status: 'refused',
      fileName: 'far.json',
      format: 'json-samples',
      accepted: 3,
      rejected: 0,
      merged: 0,
      series: [],
      issues: [issue],
    } as unknown as ImportSummary;
    expect(refusalMessage(summary)).toBe(`far.json was not imported: ${issue.message}`);
    expect(refusalMessage(summary).match(/nothing was stored/gi)).toHaveLength(1);
  });

  it('adds "Nothing was stored" to a message that does not say it', () => {
    const summary = {
      status: 'refused',
      fileName: 'a.csv',
      format: 'csv',
      accepted: 0,
      rejected: 0,
      merged: 0,
      series: [],
      issues: [{ severity: 'error', code: 'X', message: 'The file is empty' }],
    } as unknown as ImportSummary;
    expect(refusalMessage(summary)).toBe('a.csv was not imported: The file is empty. Nothing was stored');
  });
});
