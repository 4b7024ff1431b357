// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeHistory, syntheticHistory } from '../../test/fake-history';
import { FakeSimulation } from '../../test/fake-simulation';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { WhatIfView } from './WhatIfView';

/** 40 days of history from 1 September 2026 with one hour-long outage. */
const HISTORY = syntheticHistory(40, [{ atDay: 5, samples: 6, goodShare: 0 }]);

async function replayPane(withHistory = true) {
  const rendered = await renderScreen(<WhatIfView />, { services: [checkout()] }, (core, workspace) => {
    new FakeSimulation(core);
    if (withHistory) new FakeHistory(core, workspace).add(11, 'checkout-availability.csv', HISTORY);
  });
  await screen.findByTestId('scenario-list');
  await rendered.user.click(screen.getByTestId('whatif-pane-replay'));
  return rendered;
}

describe('the replay of the What-if screen', () => {
  it('replays the last SLO window with a weekly injected deploy and shows the history as it was beside the modified one', async () => {
    const { user, core } = await replayPane();
    // The default injection: a weekly deploy of 10 minutes at 0.5 %, first a week before the history ends on 11 October.
    expect((screen.getByTestId('injection-0-startUtc') as HTMLInputElement).value).toBe('2026-10-04T00:00');
    await user.click(screen.getByTestId('replay-start'));
    const results = await screen.findByTestId('replay-results');
    const sent = core.callsTo('simulation/replay')[0]!;
    expect(sent).toMatchObject({ sliId: 11, seriesId: 101, fromMs: null, toMs: null, excluding: true });
    expect(sent.injections).toEqual([{ name: 'weekly deploy', startMs: Date.UTC(2026, 9, 4), durationMinutes: 10, errorRate: 0.005, repeat: 'weekly' }]);
    // The fake spends 40 % of the SLO's budget as it was, 60 % with one injected event.
    expect(screen.getByTestId('replay-slo-plain-spent').textContent).toBe('40 %');
    expect(screen.getByTestId('replay-slo-modified-spent').textContent).toBe('60 %');
    expect(screen.getByTestId('replay-slo-plain-alerts').textContent).toBe('0 · 0');
    expect(screen.getByTestId('replay-slo-modified-alerts').textContent).toBe('2 · 4');
    expect(within(results).getByText(/4 times, 1,200 bad events added/)).toBeTruthy();
    expect(screen.getByTestId('replay-burn-slo').querySelectorAll('path.rp-plain, path.rp-modified')).toHaveLength(2);
    expect(screen.getByTestId('replay-policy').querySelectorAll('rect.ps-layer')).toHaveLength(2);
    expect(screen.getByTestId('replay-firings').textContent).toContain('SLO: page · quick fired');
  });

  it('refuses an injected event with an error rate above 1 with the schema’s words, and keeps Replay off', async () => {
    const { user } = await replayPane();
    const rate = screen.getByTestId('injection-0-errorRate');
    await user.clear(rate);
    await user.type(rate, '2');
    expect(screen.getByTestId('injection-0-error').textContent).toBe('errorRate must be at most 1 (100 %)');
    expect((screen.getByTestId('replay-start') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says to import history first when the SLI has none', async () => {
    await replayPane(false);
    await waitFor(() => expect(screen.getByTestId('replay-no-history').textContent).toMatch(/^availability has no imported history yet/));
  });
});
