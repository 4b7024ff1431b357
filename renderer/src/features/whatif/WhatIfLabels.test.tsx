// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetById } from '#shared/simulation/presets';
import { parseScenario } from '#shared/simulation/scenario';
import { FakeHistory, syntheticHistory } from '../../test/fake-history';
import { FakeSimulation, handMadeResult } from '../../test/fake-simulation';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { WhatIfView } from './WhatIfView';

const ROLES = ['textbox', 'combobox', 'checkbox', 'radio', 'button', 'tab', 'spinbutton'] as const;

/** The controls a screen reader would announce with no name: each role, with its element's test id or tag. */
function unnamed(): string[] {
  return ROLES.flatMap((role) =>
    screen.queryAllByRole(role, { name: (name) => name.trim() === '' }).map((el) => `${role} ${el.getAttribute('data-testid') ?? el.outerHTML.slice(0, 60)}`),
  );
}

describe('the controls of the What-if screen', () => {
  it('all have a name, in every pane, with a scenario that has run, events, a sensitivity and a replay', async () => {
    const web = parseScenario({
      ...presetById('web-service').scenario,
      events: [{ day: 3, durationMinutes: 30, errorRate: 0.5 }],
      dependencies: { enabled: true },
    });
    if (!web.ok) throw new Error('the scenario does not parse');
    const { user } = await renderScreen(<WhatIfView />, { services: [checkout()] }, (core, workspace) => {
      new FakeSimulation(core).add(11, web.value, handMadeResult('Typical web service', 1, 10_000));
      new FakeHistory(core, workspace).add(11, 'checkout.csv', syntheticHistory(40, []));
    });
    await screen.findByTestId('breach-table');
    expect(unnamed()).toEqual([]);
    await user.click(screen.getByTestId('whatif-pane-compare'));
    await user.click(screen.getByTestId('compare-pick-500'));
    expect(unnamed()).toEqual([]);
    await user.click(screen.getByTestId('whatif-pane-sensitivity'));
    await user.click(screen.getByTestId('sensitivity-start'));
    await screen.findByTestId('tornado-chart');
    expect(unnamed()).toEqual([]);
    await user.click(screen.getByTestId('whatif-pane-replay'));
    await user.click(screen.getByTestId('replay-start'));
    await screen.findByTestId('replay-results');
    expect(unnamed()).toEqual([]);
  });
});
