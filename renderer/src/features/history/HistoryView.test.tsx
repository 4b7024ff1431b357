// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deferred } from '../../test/fake-core';
import { FakeHistory, syntheticHistory } from '../../test/fake-history';
import { checkout, search } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { HistoryView } from './HistoryView';

/** 40 days of checkout traffic with one hour-long outage on day 5: 6,000 bad requests of 5,760,000. */
const OUTAGE = syntheticHistory(40, [{ atDay: 5, samples: 6, goodShare: 0 }]);

async function history(withHistory = true) {
  let fake: FakeHistory | null = null;
  const rendered = await renderScreen(<HistoryView />, { services: [checkout(), search()] }, (core, workspace) => {
    fake = new FakeHistory(core, workspace);
    if (withHistory) fake.add(11, 'checkout-availability.csv', OUTAGE);
  });
  return { ...rendered, fake: fake! };
}
const loaded = () => screen.findByRole('list', { name: 'Legend of the SLI chart' });

describe('the history screen', () => {
  it('invites an import when the SLI has no history yet, naming its tiers', async () => {
    const { user, store } = await history(false);
    const empty = await screen.findByTestId('history-empty');
    expect(within(empty).getByRole('heading').textContent).toBe('No history for checkout / availability yet');
    expect(empty.textContent).toContain('You will see how SLA, SLO, performance target would have fared');
    await user.click(within(empty).getByRole('button', { name: 'Import history…' }));
    expect(store.getState().dialog).toEqual({ kind: 'import', sliId: 11 });
  });

  it('draws the SLI over time with a legend of its lines, tiers and alert marks', async () => {
    await history();
    const legend = await loaded();
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['SLI per sample', '30-day compliance', 'SLA 99.5 %', 'SLO 99.9 %', 'Target 99.95 %', 'Page firing', 'Ticket firing']);
    expect(screen.getByTestId('chart-samples').textContent).toBe('5,760');
    expect(screen.getByRole('group', { name: 'SLI chart, zoomable' })).toBeTruthy();
    expect(screen.getByTestId('tier-line-slo')).toBeTruthy();
  });

  it('zooms from the keyboard: + asks for a narrower view once the keys settle, Reset zoom for the whole history', async () => {
    const { user, core } = await history();
    await loaded();
    const before = core.callsTo('analysis/chart').length;
    screen.getByRole('group', { name: 'SLI chart, zoomable' }).focus();
    await user.keyboard('+');
    await waitFor(() => expect(core.callsTo('analysis/chart').length).toBe(before + 1));
    const asked = core.callsTo('analysis/chart').at(-1)!;
    expect(asked.fromMs).toBeGreaterThan(OUTAGE.t[0]!);
    expect(asked.toMs).toBeLessThan(OUTAGE.t[OUTAGE.t.length - 1]!);
    await waitFor(() => expect(Number(screen.getByTestId('chart-samples').textContent!.replace(/,/g, ''))).toBeLessThan(5760));
    await user.click(screen.getByRole('button', { name: 'Reset zoom' }));
    await waitFor(() => expect(core.callsTo('analysis/chart').at(-1)).toMatchObject({ fromMs: null, toMs: null }));
    await waitFor(() => expect(screen.getByTestId('chart-samples').textContent).toBe('5,760'));
    expect(screen.queryByRole('button', { name: 'Reset zoom' })).toBeNull();
  });

  it('says how each tier would have fared: the hour-long outage breaks the SLO but not the SLA', async () => {
    await history();
    await loaded();
    const fit = within(screen.getByTestId('fit-panel'));
    // 1 − 6,000 / 5,760,000 overall; the worst 30-day window holds the whole outage: 1 − 6,000 / 4,320,000.
    expect(fit.getByTestId('fit-counting').textContent).toMatch(/Overall 99\.896 %; worst window 99\.861 %\.$/);
    expect(fit.getByTestId('fit-sla-all').textContent).toMatch(/^100 % \((\d[\d,]*) of \1\)$/);
    expect(fit.getByTestId('fit-slo-all').className).toBe('bad');
    expect(fit.getByTestId('recommendation').textContent).toMatch(/^Achievable SLO: 99\.86 %/);
  });

  it('lists the budget of each 30-day window: the first one missed, its outage spending 138.9 % of the budget', async () => {
    const { user } = await history();
    await loaded();
    const windows = within(screen.getByTestId('budget-windows'));
    expect(windows.getByRole('button', { name: 'SLO' }).getAttribute('aria-pressed')).toBe('true');
    const first = within(windows.getAllByTestId('budget-window')[0]!);
    expect(first.getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '99.861 %',
      'missed',
      ' 138.9 %',
      // The largest event: the outage from 6 September 00:00 UTC, alone 138.9 % of the window's budget.
      '2026-09-06 00:00 · 138.9 %',
    ]);
    // The SLA's budget is five times larger: the same outage spends 27.8 % of it.
    await user.click(windows.getByRole('button', { name: 'SLA' }));
    const sla = within(windows.getAllByTestId('budget-window')[0]!);
    expect(
      sla
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(1, 3),
    ).toEqual(['met', ' 27.8 %']);
  });

  it('shows the burn-down of a budget window chosen in the table', async () => {
    const { user, core } = await history();
    await loaded();
    const windows = within(screen.getByTestId('budget-windows'));
    const first = windows.getAllByTestId('budget-window')[0]!;
    await user.click(within(first).getByRole('button'));
    const burndown = await screen.findByTestId('burndown');
    expect(within(burndown).getByRole('heading').textContent).toMatch(/^Budget burn-down: SLO, /);
    expect(core.callsTo('analysis/burndown')).toEqual([expect.objectContaining({ sliId: 11, tier: 'slo', excluding: true })]);
    expect(within(first).getByRole('button').getAttribute('aria-pressed')).toBe('true');
  });

  it('asks again for another rolling window and for the data with excluded periods left in', async () => {
    const { user, core } = await history();
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rolling window' }), '7 days');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Legend of the SLI chart' }).textContent).toContain('7-day compliance'));
    expect(core.callsTo('analysis/sli').at(-1)).toEqual({ sliId: 11, windowDays: 7, seriesId: null });
    await user.click(screen.getByRole('checkbox', { name: 'Leave excluded periods out' }));
    await waitFor(() => expect(core.callsTo('analysis/backtest').at(-1)).toMatchObject({ excluding: false }));
    expect(screen.getByRole('checkbox', { name: 'Leave excluded periods out' })).toHaveProperty('checked', false);
  });

  it('says it is analysing while the core works, and shows the core’s error when it fails', async () => {
    const pending = deferred<never>();
    const { core, store } = await history();
    await loaded();
    core.answer('analysis/sli', () => pending.promise);
    void store.getState().setWindowDays(90);
    expect((await screen.findByRole('status')).textContent).toBe('Analysing…');
    core.refuse('analysis/sli', 'CORRUPT_WORKSPACE', 'payments.slowb is damaged: database disk image is malformed');
    await store.getState().refreshHistory();
    expect((await screen.findByRole('alert')).textContent).toBe('payments.slowb is damaged: database disk image is malformed');
  });

  it('lists the import with its series, and removes it after confirmation', async () => {
    const { user, core } = await history();
    await loaded();
    const imports = within(screen.getByTestId('imports-list'));
    expect(imports.getByText('checkout-availability.csv')).toBeTruthy();
    expect(imports.getByText('csv, 5,760 rows')).toBeTruthy();
    expect(imports.getByRole('button', { name: 'availability' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(imports.getByRole('button', { name: 'Remove import checkout-availability.csv' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Remove import' }));
    await user.click(dialog.getByRole('button', { name: 'Remove import' }));
    await waitFor(() => expect(screen.getByTestId('history-empty')).toBeTruthy());
    expect(core.callsTo('import/delete')).toEqual([{ importId: 1 }]);
  });

  it('sets the SLO the history supports with one click', async () => {
    const { user, core } = await history();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Use 99.86 % as the SLO' }));
    await waitFor(() => expect(core.callsTo('objective/set')).toHaveLength(1));
    expect(core.callsTo('objective/set')[0]).toEqual({
      sliId: 11,
      tier: 'slo',
      targetPpm: 998_600,
      window: { kind: 'rolling', days: 30 },
      method: 'occurrences',
      timeslice: null,
      latencyThresholdMs: null,
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Use 99.86 % as the SLO' })).toBeNull());
  });

  it('follows the service chosen, and says when it has no SLI', async () => {
    const { user } = await history();
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'search');
    expect(await screen.findByText(/^No history for search \/ availability yet/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'SLI' })).toHaveProperty('value', '51');
  });

  it('refreshes when the core says history was imported for the SLI elsewhere', async () => {
    const { core, fake } = await history(false);
    await screen.findByTestId('history-empty');
    fake.add(11, 'from-the-cli.csv', OUTAGE);
    core.emit('history-changed', { sliId: 11 });
    await loaded();
    expect(within(screen.getByTestId('imports-list')).getByText('from-the-cli.csv')).toBeTruthy();
  });
});
