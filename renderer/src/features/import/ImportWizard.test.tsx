// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportSummary } from '#shared/ipc/contract';
import { FakeImports } from '../../test/fake-import';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ImportWizard } from './ImportWizard';

const CHECKOUT_CSV = [
  'time,good,total',
  '2026-11-02T00:00:00Z,998,1000',
  '2026-11-02T00:01:00Z,1000,1000',
  '2026-11-02T00:02:00Z,995,1000',
  '2026-11-02T00:03:00Z,1000,1000',
  '2026-11-02T00:04:00Z,1000,1000',
].join('\n');
const BROKEN_CSV = CHECKOUT_CSV.replace('2026-11-02T00:02:00Z,995,1000', '2026-11-02T00:02:00Z,n/a,1000');
const LOCAL_CSV = ['timestamp;errors;requests', '2026-11-02T00:00:00;2;1000', '2026-11-02T00:01:00;0;1000', '2026-11-02T00:02:00;1;1000'].join('\n');
const UNNAMED_CSV = ['when,col_a,col_b', '1793577600,990,1000', '1793577660,1000,1000', '1793577720,970,1000'].join('\n');

async function wizard() {
  const onClose = vi.fn();
  const imported: ImportSummary[] = [];
  let imports: FakeImports | null = null;
  const rendered = await renderScreen(
    <ImportWizard sliId={11} sliName="availability" sliKind="availability" serviceName="checkout" onClose={onClose} onImported={(s) => imported.push(s)} />,
    { services: [checkout()] },
    (core) => {
      imports = new FakeImports(core)
        .addCsv('checkout.csv', CHECKOUT_CSV, { mapping: { kind: 'good-total', time: 0, good: 1, total: 2 }, timeFormat: 'iso', needsTimeZone: false })
        .addCsv('broken.csv', BROKEN_CSV, { mapping: { kind: 'good-total', time: 0, good: 1, total: 2 }, timeFormat: 'iso', needsTimeZone: false })
        .addCsv('local.csv', LOCAL_CSV, { mapping: { kind: 'bad-total', time: 0, bad: 1, total: 2 }, timeFormat: 'iso', needsTimeZone: true })
        .addCsv('unnamed.csv', UNNAMED_CSV, { mapping: null, timeFormat: 'epoch-s', needsTimeZone: false });
    },
  );
  const dialog = within(screen.getByRole('dialog', { name: 'Import history' }));
  return { ...rendered, dialog, onClose, imported, imports: imports! };
}

/** The steps the list names, in order. */
const steps = (dialog: ReturnType<typeof within>) =>
  within(dialog.getByRole('list', { name: 'Steps' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

/** Which step the list marks as current. */
const currentStep = (dialog: ReturnType<typeof within>) => dialog.getByRole('list', { name: 'Steps' }).querySelector('[aria-current="step"]')?.textContent;

describe('the import wizard', () => {
  it('opens on the source step with the folder’s history files, focus on the first choice', async () => {
    const { dialog } = await wizard();
    expect(dialog.getByText('checkout', { selector: 'strong' })).toBeTruthy();
    expect(steps(dialog)).toEqual(['1. Source', '2. Preview & mapping', '3. Importing', '4. Result']);
    expect(currentStep(dialog)).toBe('1. Source');
    expect(document.activeElement).toBe(dialog.getByRole('radio', { name: /^A file/ }));
    const files = await dialog.findAllByRole('button', { name: /\.csv/ });
    expect(files.map((b) => b.querySelector('.import-file-name')?.textContent)).toEqual(['checkout.csv', 'broken.csv', 'local.csv', 'unnamed.csv']);
  });

  it('previews the chosen file with the guessed role above each column and says what the mapping means', async () => {
    const { dialog, user } = await wizard();
    await user.click(await dialog.findByRole('button', { name: /^checkout\.csv/ }));
    const preview = within(await dialog.findByRole('form', { name: 'Preview and mapping' }));
    expect(currentStep(dialog)).toBe('2. Preview & mapping');
    expect(document.activeElement).toBe(dialog.getByRole('heading', { name: 'Preview & mapping' }));
    expect(preview.getByTestId('import-format').textContent).toBe('CSV / TSV table');
    expect(preview.getByLabelText('First lines of the file').textContent).toBe(CHECKOUT_CSV);
    expect(preview.getByRole('combobox', { name: 'Role of “time”' })).toHaveProperty('value', 'time');
    expect(preview.getByRole('combobox', { name: 'Role of “good”' })).toHaveProperty('value', 'good');
    expect(preview.getByRole('combobox', { name: 'Role of “total”' })).toHaveProperty('value', 'total');
    expect(preview.getByTestId('import-mapping').textContent).toBe('Good events from “good”, all events from “total”, timed by “time”.');
    expect(preview.getAllByRole('row')).toHaveLength(6);
  });

  it('imports with the mapping shown and reports what was stored', async () => {
    const { dialog, user, core, imported } = await wizard();
    await user.click(await dialog.findByRole('button', { name: /^checkout\.csv/ }));
    await user.click(await dialog.findByRole('button', { name: 'Import' }));
    const result = await dialog.findByTestId('import-result');
    expect(result.getAttribute('data-status')).toBe('stored');
    expect(currentStep(dialog)).toBe('4. Result');
    expect(within(result).getByRole('status').textContent).toBe('Stored 5 rows from checkout.csv (CSV / TSV table).');
    const series = within(result).getByRole('rowheader', { name: 'good' }).closest('tr')!;
    expect(
      within(series)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 2),
    ).toEqual(['5', '1 min']);
    expect(core.callsTo('import/file')).toEqual([
      expect.objectContaining({
        sliId: 11,
        path: 'checkout.csv',
        format: 'csv',
        onBadRows: 'abort',
        csv: { mapping: { kind: 'good-total', time: 0, good: 1, total: 2 }, timeFormat: 'iso' },
      }),
    ]);
    expect(imported.map((s) => [s.status, s.accepted])).toEqual([['stored', 5]]);
  });

  it('asks for the roles of columns it could not name, and imports once they describe good and total', async () => {
    const { dialog, user, core } = await wizard();
    await user.click(await dialog.findByRole('button', { name: /^unnamed\.csv/ }));
    const preview = within(await dialog.findByRole('form', { name: 'Preview and mapping' }));
    expect(preview.getByRole('combobox', { name: 'Role of “when”' })).toHaveProperty('value', 'time');
    expect(preview.getByRole('combobox', { name: 'Time format' })).toHaveProperty('value', 'epoch-s');
    expect(preview.getByTestId('import-mapping').textContent).toBe(
      'Mark what the other columns hold: good and total, bad and total, a ratio, or a value with a threshold.',
    );
    await user.click(preview.getByRole('button', { name: 'Import' }));
    expect(preview.getByRole('alert').textContent).toBe(
      'Cannot import yet: Mark what the other columns hold: good and total, bad and total, a ratio, or a value with a threshold.',
    );
    await user.selectOptions(preview.getByRole('combobox', { name: 'Role of “col_a”' }), 'good');
    expect(preview.getByTestId('import-mapping').textContent).toBe(
      'A “good” column needs a “total” column beside it: mark the column counting all events “total”.',
    );
    await user.selectOptions(preview.getByRole('combobox', { name: 'Role of “col_b”' }), 'total');
    expect(preview.getByTestId('import-mapping').textContent).toBe('Good events from “col_a”, all events from “col_b”, timed by “when”.');
    await user.click(preview.getByRole('button', { name: 'Import' }));
    expect((await dialog.findByTestId('import-result')).textContent).toContain('Stored 3 rows from unnamed.csv');
    expect(core.callsTo('import/file')[0]?.csv).toEqual({ mapping: { kind: 'good-total', time: 0, good: 1, total: 2 }, timeFormat: 'epoch-s' });
  });

  it('requires the time zone of times written without an offset', async () => {
    const { dialog, user, core } = await wizard();
    await user.click(await dialog.findByRole('button', { name: /^local\.csv/ }));
    const preview = within(await dialog.findByRole('form', { name: 'Preview and mapping' }));
    expect(preview.getByTestId('import-mapping').textContent).toBe('Bad events from “errors”, all events from “requests”, timed by “timestamp”.');
    await user.click(preview.getByRole('button', { name: 'Import' }));
    expect(preview.getByRole('alert').textContent).toBe(
      'Choose the time zone the timestamps were written in: they carry no offset, so the same clock time means a different instant in each zone.',
    );
    expect(core.callsTo('import/file')).toEqual([]);
    await user.type(preview.getByRole('combobox', { name: 'Time zone of the timestamps (required)' }), 'Europe/Berlin');
    await user.click(preview.getByRole('button', { name: 'Import' }));
    expect((await dialog.findByTestId('import-result')).getAttribute('data-status')).toBe('stored');
    expect(core.callsTo('import/file')[0]?.csv).toEqual({
      mapping: { kind: 'bad-total', time: 0, bad: 1, total: 2 },
      timeFormat: 'iso',
      timeZone: 'Europe/Berlin',
    });
  });

  it('refuses a file with a bad row, lists the row, and stores the rest once told to skip bad rows', async () => {
    const { dialog, user, imported } = await wizard();
    await user.click(await dialog.findByRole('button', { name: /^broken\.csv/ }));
    await user.click(await dialog.findByRole('button', { name: 'Import' }));
    const refused = await dialog.findByTestId('import-result');
    expect(refused.getAttribute('data-status')).toBe('refused');
    expect(within(refused).getByRole('alert').textContent).toBe(
      'Nothing was stored: 1 row of broken.csv could not be read (4 rows were fine). Fix the file or the mapping, or choose “Skip bad rows”.',
    );
    const problems = within(within(refused).getByRole('region', { name: 'Problems found' }));
    const first = problems.getAllByRole('row')[1]!;
    expect(within(first).getAllByRole('cell')[0]!.textContent).toBe('4');
    expect(within(first).getAllByRole('cell')[2]!.textContent).toBe('error');
    expect(imported).toEqual([]);
    await user.click(within(refused).getByRole('button', { name: 'Back to fix the mapping' }));
    const preview = within(await dialog.findByRole('form', { name: 'Preview and mapping' }));
    await user.selectOptions(preview.getByRole('combobox', { name: 'Bad rows' }), 'Skip bad rows');
    await user.click(preview.getByRole('button', { name: 'Import' }));
    const stored = await dialog.findByTestId('import-result');
    expect(within(stored).getByRole('status').textContent).toBe('Stored 4 rows from broken.csv (CSV / TSV table); 1 bad row skipped.');
    expect(imported.map((s) => [s.accepted, s.rejected])).toEqual([[4, 1]]);
  });

  it('shows the progress of a running import and cancels it, storing nothing', async () => {
    const { dialog, user, imports, imported, core } = await wizard();
    imports.hold();
    await user.click(await dialog.findByRole('button', { name: /^checkout\.csv/ }));
    await user.click(await dialog.findByRole('button', { name: 'Import' }));
    const bar = await dialog.findByRole('progressbar', { name: 'Import progress' });
    expect(currentStep(dialog)).toBe('3. Importing');
    await waitFor(() => expect(bar.getAttribute('value')).toBe(String(Math.floor(CHECKOUT_CSV.length / 2))));
    expect(dialog.getByRole('status').textContent).toBe(`Parsing… ${Math.floor(CHECKOUT_CSV.length / 2)} B of ${CHECKOUT_CSV.length} B`);
    await user.click(dialog.getByRole('button', { name: 'Cancel import' }));
    const result = await dialog.findByTestId('import-result');
    expect(result.getAttribute('data-status')).toBe('error');
    expect(within(result).getByRole('alert').textContent).toBe('Import cancelled: The import of checkout.csv was cancelled; nothing was stored [CANCELLED]');
    expect(core.callsTo('import/cancel')).toHaveLength(1);
    expect(imported).toEqual([]);
  });

  it('cancels a running import when the wizard is closed with Escape', async () => {
    const { dialog, user, imports, core, onClose } = await wizard();
    imports.hold();
    await user.click(await dialog.findByRole('button', { name: /^checkout\.csv/ }));
    await user.click(await dialog.findByRole('button', { name: 'Import' }));
    await dialog.findByRole('progressbar', { name: 'Import progress' });
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(core.callsTo('import/cancel')).toHaveLength(1));
  });

  it('says when the same file was imported before, and when', async () => {
    const { dialog, user, core, imported } = await wizard();
    // The same file imported earlier (from the CLI, say).
    const earlier = await core.client.invoke('import/file', {
      sliId: 11,
      path: 'checkout.csv',
      csv: { mapping: { kind: 'good-total', time: 0, good: 1, total: 2 }, timeFormat: 'iso' },
    });
    expect(earlier.ok && earlier.value.status).toBe('stored');
    await user.click(await dialog.findByRole('button', { name: /^checkout\.csv/ }));
    await user.click(await dialog.findByRole('button', { name: 'Import' }));
    const result = await dialog.findByTestId('import-result');
    expect(result.getAttribute('data-status')).toBe('duplicate');
    await waitFor(() =>
      expect(result.textContent).toMatch(
        /^checkout\.csv was already imported into this SLI on \d{4}-\d\d-\d\d \d\d:\d\d: the same bytes are never stored twice\. Nothing was changed\./,
      ),
    );
    expect(core.callsTo('import/list')).toEqual([{ sliId: 11 }]);
    expect(imported).toEqual([]);
  });

  it('names a file the preview cannot find', async () => {
    const { dialog, user, core } = await wizard();
    core.refuse('import/preview', 'FILE_NOT_FOUND', 'checkout.csv does not exist or is not a file', { path: 'checkout.csv' });
    await user.click(await dialog.findByRole('button', { name: /^checkout\.csv/ }));
    expect((await dialog.findByRole('alert')).textContent).toBe('File not found: checkout.csv does not exist or is not a file');
    expect(currentStep(dialog)).toBe('1. Source');
  });

  it('works from the keyboard: Enter on a file previews it, Enter in the time-zone field starts the import', async () => {
    const { dialog, user, core } = await wizard();
    (await dialog.findByRole('button', { name: /^local\.csv/ })).focus();
    await user.keyboard('{Enter}');
    const preview = within(await dialog.findByRole('form', { name: 'Preview and mapping' }));
    await user.click(preview.getByRole('combobox', { name: 'Time zone of the timestamps (required)' }));
    await user.keyboard('America/New_York{Enter}');
    expect((await dialog.findByTestId('import-result')).getAttribute('data-status')).toBe('stored');
    expect(core.callsTo('import/file')[0]?.csv?.timeZone).toBe('America/New_York');
    // Each new step moves the focus to its title, so a screen reader announces it.
    expect(document.activeElement).toBe(dialog.getByRole('heading', { name: 'Result' }));
  });

  it('has three steps for a live Prometheus, which needs no preview', async () => {
    const { dialog, user } = await wizard();
    await user.click(dialog.getByRole('radio', { name: /^A live Prometheus/ }));
    expect(steps(dialog)).toEqual(['1. Source', '2. Importing', '3. Result']);
    expect(dialog.queryByRole('list', { name: 'History files' })).toBeNull();
  });
});
