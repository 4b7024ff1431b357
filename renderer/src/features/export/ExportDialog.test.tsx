// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportFormatInfo, ExportPreview } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import type { FakeCore } from '../../test/fake-core';
import { checkout, search } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { Toolbar } from '../workspace/Toolbar';
import { useShortcuts } from '../workspace/useShortcuts';

const FORMATS: ExportFormatInfo[] = [
  { id: 'openslo', title: 'OpenSLO v1', extensions: ['.yaml'], losses: [{ id: 'tiers', description: 'OpenSLO objectives have no tiers.' }] },
  { id: 'pdf', title: 'Review document (PDF)', extensions: ['.pdf'], losses: [] },
];

function previewOf(format: string, serviceIds: number[] | null, requireApproved: boolean): ExportPreview {
  const names = serviceIds === null ? ['checkout', 'search'] : serviceIds.map((id) => (id === 1 ? 'checkout' : 'search'));
  if (requireApproved) {
    throw new AppFailure('CONFLICT', 'no approved version', { field: 'requireApproved', services: names.filter((n) => n !== 'search') });
  }
  const files =
    format === 'pdf'
      ? [{ name: 'review.pdf', text: 'A'.repeat(57_344), encoding: 'base64' as const }]
      : [
          ...names.map((n) => ({ name: `${n}.yaml`, text: `apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: ${n}\n` })),
          { name: 'LOSSES-openslo.md', text: '# Losses\n' },
        ];
  return {
    format,
    title: FORMATS.find((f) => f.id === format)!.title,
    files,
    report: {
      format,
      losses: format === 'pdf' ? [] : [{ id: 'tiers', description: 'OpenSLO objectives have no tiers.', concerns: ['checkout / availability'] }],
    },
    services: names.map((n) =>
      n === 'search' ? { service: n, version: 2, state: 'approved' as const } : { service: n, version: null, state: 'draft' as const },
    ),
  };
}

function answerExport(core: FakeCore) {
  core.answer('export/formats', () => FORMATS).answer('export/preview', (a) => previewOf(a.format, a.serviceIds, a.requireApproved));
}

function Screen() {
  useShortcuts();
  return <Toolbar />;
}

async function openExport(fileAccess: 'folder' | 'dialog' = 'folder', setup?: (core: FakeCore) => void) {
  const rendered = await renderScreen(
    <Screen />,
    { services: [checkout(), search()], fileAccess, host: fileAccess === 'dialog' ? 'electron' : 'browser' },
    (core) => {
      answerExport(core);
      setup?.(core);
    },
  );
  await rendered.user.click(screen.getByTestId('toolbar-export'));
  const dialog = within(await screen.findByRole('dialog', { name: 'Export' }));
  await dialog.findByTestId('export-preview');
  return { ...rendered, dialog };
}

afterEach(() => vi.restoreAllMocks());

describe('the Export dialog', () => {
  it('shows each format with what it can lose, the versions, the loss report and the first file before anything is exported', async () => {
    const { dialog, core } = await openExport();
    expect(dialog.getByTestId('export-format-openslo')).toHaveProperty('checked', true);
    expect(dialog.getByText('Can lose 1 thing')).toBeTruthy();
    expect(dialog.getByTestId('export-drafts').textContent).toBe('One service has no approved version and exports its current draft: checkout.');
    expect(dialog.getByTestId('export-loss-tiers').textContent).toBe('tiers (checkout / availability): OpenSLO objectives have no tiers.');
    expect(dialog.getByTestId('export-file-text').textContent).toBe('apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\n');
    expect(dialog.getByTestId('export-destination').textContent).toBe('Your browser downloads one zip, slo-workbench-openslo.zip, holding the 3 files.');
    expect(core.callsTo('export/preview')).toEqual([{ format: 'openslo', serviceIds: null, selection: { kind: 'default' }, requireApproved: false }]);
  });

  it('previews the file picked in the list, and a PDF by its size instead of its bytes', async () => {
    const { dialog, user } = await openExport();
    await user.click(dialog.getByTestId('export-file-LOSSES-openslo.md'));
    expect(dialog.getByTestId('export-file-text').textContent).toBe('# Losses\n');
    await user.click(dialog.getByTestId('export-format-pdf'));
    await waitFor(() => expect(dialog.getByTestId('export-file-text').textContent).toBe('PDF, 42 KB — preview in the downloaded file'));
    expect(dialog.getByTestId('export-go').textContent).toBe('Download');
  });

  it('exports the services picked, and refuses "approved only" naming each service without an approved version', async () => {
    const { dialog, user, core } = await openExport();
    await user.click(dialog.getByTestId('export-services-pick'));
    await user.click(dialog.getByTestId('export-service-search'));
    await waitFor(() =>
      expect(dialog.getByTestId('export-versions-list').textContent).toBe('checkout: the current draft (never proposed, marked as a draft in the files)'),
    );
    expect(core.callsTo('export/preview').at(-1)).toMatchObject({ serviceIds: [1] });
    await user.click(dialog.getByTestId('export-service-checkout'));
    expect(dialog.getByTestId('export-error').textContent).toBe('Nothing to export: pick at least one service.');
    expect(dialog.getByTestId('export-go')).toHaveProperty('disabled', true);
    await user.click(dialog.getByTestId('export-services-all'));
    await user.click(dialog.getByTestId('export-versions-approved'));
    await waitFor(() =>
      expect(dialog.getByTestId('export-error').textContent).toBe(
        'Nothing can be exported as approved: this service has no approved version yet: checkout. Approve a version on the Review screen, or export the current drafts.',
      ),
    );
    expect(dialog.getByTestId('export-go')).toHaveProperty('disabled', true);
  });

  it('downloads several files as one zip named after the format', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:export'));
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { dialog, user } = await openExport();
    await user.click(dialog.getByTestId('export-go'));
    expect(names).toEqual(['slo-workbench-openslo.zip']);
    expect(created.map((b) => b.type)).toEqual(['application/zip']);
    expect(dialog.getByTestId('export-done').textContent).toBe('Downloaded slo-workbench-openslo.zip (3 files).');
  });

  it('in the desktop app writes through the folder dialog, names the files it would replace, and replaces them when asked', async () => {
    const { dialog, user, core } = await openExport('dialog', (c) =>
      c.refuse('export/write-dialog', 'FILE_EXISTS', 'The folder specs already holds a file this export did not write, or that changed since: checkout.yaml.', {
        files: ['checkout.yaml'],
      }),
    );
    expect(dialog.getByTestId('export-go').textContent).toBe('Export to folder…');
    await user.click(dialog.getByTestId('export-go'));
    expect(await dialog.findByTestId('export-error')).toHaveProperty(
      'textContent',
      'The folder specs already holds a file this export did not write, or that changed since: checkout.yaml.',
    );
    core.answer('export/write-dialog', (a) => ({
      folder: '/home/ana/specs',
      written: a.force ? ['checkout.yaml'] : [],
      unchanged: ['LOSSES-openslo.md'],
      report: { format: 'openslo', losses: [] },
      services: [],
    }));
    await user.click(dialog.getByTestId('export-replace'));
    expect(await dialog.findByTestId('export-done')).toHaveProperty('textContent', 'Exported 2 files into /home/ana/specs (1 unchanged).');
    expect(core.callsTo('export/write-dialog').map((a) => a.force)).toEqual([false, true]);
    expect(dialog.queryByTestId('export-error')).toBeNull();
  });

  it('says nothing when the folder dialog is cancelled', async () => {
    const { dialog, user } = await openExport('dialog', (c) => c.refuse('export/write-dialog', 'CANCELLED', 'Cancelled'));
    await user.click(dialog.getByTestId('export-go'));
    await waitFor(() => expect(dialog.getByTestId('export-go')).toHaveProperty('disabled', false));
    expect(dialog.queryByTestId('export-error')).toBeNull();
    expect(dialog.queryByTestId('export-done')).toBeNull();
  });

  it('opens with Ctrl+E, keeps Tab inside, and closes with Escape', async () => {
    const rendered = await renderScreen(<Screen />, { services: [checkout()] }, answerExport);
    await rendered.user.keyboard('{Control>}e{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Export' });
    await within(dialog).findByTestId('export-preview');
    expect(document.activeElement).toBe(within(dialog).getByTestId('export-format-openslo'));
    await rendered.user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByTestId('export-go'));
    await rendered.user.tab();
    expect(dialog.contains(document.activeElement)).toBe(true);
    await rendered.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Export' })).toBeNull();
  });
});
