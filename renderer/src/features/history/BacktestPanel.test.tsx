// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeHistory, syntheticHistory } from '../../test/fake-history';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { HistoryView } from './HistoryView';

/** One hour with no good request on 6 September, and a slow half-day at 99 % on 20 September. */
const HISTORY = syntheticHistory(40, [
  { atDay: 5, samples: 6, goodShare: 0 },
  { atDay: 19, samples: 72, goodShare: 0.99 },
]);

async function backtest() {
  const rendered = await renderScreen(<HistoryView />, { services: [checkout()] }, (core, workspace) => {
    new FakeHistory(core, workspace).add(11, 'checkout-availability.csv', HISTORY);
  });
  return { ...rendered, panel: within(await screen.findByTestId('backtest-panel')) };
}

describe('the alert backtest of the History screen', () => {
  it('replays the SRE workbook’s 30-day alerts for each tier', async () => {
    const { panel } = await backtest();
    expect(panel.getByText(/^The alert set “SRE workbook, 30 days” replayed over the history of availability/)).toBeTruthy();
    expect(panel.getAllByRole('heading', { level: 4 }).map((h) => h.textContent?.split(':')[0])).toEqual([
      'SLA 99.5 %',
      'SLO 99.9 %',
      'performance target 99.95 %',
    ]);
  });

  it('pages on the hour-long outage of the SLO and lists it as detected, with its share of a period’s budget', async () => {
    const { panel } = await backtest();
    const slo = within(panel.getByTestId('backtest-slo'));
    // Detected after 10 minutes (the outage) and 220 minutes (the slow burn): median 115 minutes.
    expect(slo.getByTestId('backtest-slo-summary').textContent).toBe('3 pages, 4 tickets; 2 budget-eating events, 0 missed; median detection 115m');
    const outage = slo.getAllByRole('row')[1]!;
    const cells = within(outage)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // 6,000 bad events of a 30-day budget of 4,320: 138.9 %; no request was good in its worst sample.
    expect(cells.slice(0, 3)).toEqual(['2026-09-06 00:00 → 2026-09-06 01:00', '138.9 %', '0.00 %']);
    expect(cells[3]).toBe('page after 10m');
  });

  it('lists the alert episodes of a tier under a fold', async () => {
    const { panel, user } = await backtest();
    const slo = within(panel.getByTestId('backtest-slo'));
    const summary = slo.getByText(/^\d+ alert episodes?$/);
    await user.click(summary);
    const episodes = within(summary.closest('details')!)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(summary.textContent).toBe('7 alert episodes');
    // No request good for an hour burns at 100 % ÷ 0.1 % = 1000×: every alert fires at its first sample.
    expect(episodes.slice(0, 4)).toEqual([
      'page · quick fired 2026-09-06 00:10, resolved 2026-09-06 01:10 (1h); peak burn 1000.0×',
      'page · slow fired 2026-09-06 00:10, resolved 2026-09-06 01:30 (80m); peak burn 166.7×',
      'ticket · quick fired 2026-09-06 00:10, resolved 2026-09-06 03:00 (170m); peak burn 41.7×',
      'ticket · slow fired 2026-09-06 00:10, resolved 2026-09-06 07:00 (410m); peak burn 13.9×',
    ]);
    // 99 % good burns at 10×: above the slow page's 6×, below the quick page's 14.4×, so only the slow page fires.
    expect(episodes.slice(4).map((e) => e.split(' fired')[0])).toEqual(['page · slow', 'ticket · quick', 'ticket · slow']);
    expect(episodes[4]).toMatch(/peak burn 10\.0×$/);
  });
});
