import { describe, expect, it } from 'vitest';
import type { ExportPreview } from '#shared/ipc/contract';
import { binaryNote, destinationText, draftNote, exportErrorText, fileLine, fileSize, previewRequest, versionText } from './export-model';

const preview = (files: number): ExportPreview => ({
  format: 'openslo',
  title: 'OpenSLO v1',
  files: Array.from({ length: files }, (_, i) => ({ name: `f${i}.yaml`, text: 'a: 1\n' })),
  report: { format: 'openslo', losses: [] },
  services: [],
});

describe('the export dialog in words', () => {
  it('asks for the default selection with every service required approved for "approved only"', () => {
    expect(previewRequest({ format: 'sloth', services: [3, 4], versions: 'approved' })).toEqual({
      ok: true,
      args: { format: 'sloth', serviceIds: [3, 4], selection: { kind: 'default' }, requireApproved: true },
    });
    expect(previewRequest({ format: 'sloth', services: 'all', versions: 'default' })).toMatchObject({
      ok: true,
      args: { serviceIds: null, requireApproved: false },
    });
    expect(previewRequest({ format: 'sloth', services: [], versions: 'default' })).toEqual({
      ok: false,
      message: 'Nothing to export: pick at least one service.',
    });
  });

  it('describes a base64 PDF by its kind and decoded size instead of its bytes', () => {
    const pdf = { name: 'chatbot.pdf', text: 'A'.repeat(57_344), encoding: 'base64' as const };
    expect(fileSize(pdf)).toBe(43_008);
    expect(binaryNote(pdf)).toBe('PDF, 42 KB — preview in the downloaded file');
    expect(fileLine({ name: 'x.yaml', text: 'a: 1\nb: 2\n' })).toBe('2 lines, 10 B');
  });

  it('names the services exported as drafts, and the version of each', () => {
    const services = [
      { service: 'chatbot', version: null, state: 'draft' as const },
      { service: 'search', version: 2, state: 'approved' as const },
    ];
    expect(draftNote(services)).toBe('One service has no approved version and exports its current draft: chatbot.');
    expect(draftNote(services.slice(1))).toBeNull();
    expect(services.map(versionText)).toEqual(['chatbot: the current draft (never proposed, marked as a draft in the files)', 'search: version 2, approved']);
  });

  it('says where the files go: one zip in the browser, a folder chosen in the desktop app', () => {
    expect(destinationText({ host: 'browser', version: '1', fileAccess: 'folder' }, preview(3))).toBe(
      'Your browser downloads one zip, slo-workbench-openslo.zip, holding the 3 files.',
    );
    expect(destinationText({ host: 'browser', version: '1', fileAccess: 'folder' }, preview(1))).toBe('Your browser downloads f0.yaml.');
    expect(destinationText({ host: 'electron', version: '1', fileAccess: 'dialog' }, preview(2))).toMatch(
      /^You choose a folder next\. The 2 files are written there/,
    );
  });

  it('words the refusals plainly and says nothing for a cancelled folder dialog', () => {
    expect(exportErrorText({ code: 'CANCELLED', message: 'Cancelled' })).toBeNull();
    expect(exportErrorText({ code: 'NOT_FOUND', message: 'The workspace has no services to export yet', details: { field: 'serviceIds' } })).toBe(
      'Nothing to export: the workspace has no services to export yet.',
    );
    expect(
      exportErrorText({
        code: 'CONFLICT',
        message: '2 services have no approved version',
        details: { field: 'requireApproved', services: ['chatbot', 'search'] },
      }),
    ).toBe(
      'Nothing can be exported as approved: these services have no approved version yet: chatbot, search. Approve a version on the Review screen, or export the current drafts.',
    );
  });
});
