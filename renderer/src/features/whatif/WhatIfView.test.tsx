// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetById } from '#shared/simulation/presets';
import { parseScenario, type Scenario } from '#shared/simulation/scenario';
import { FakeSimulation, handMadeResult } from '../../test/fake-simulation';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { WhatIfView } from './WhatIfView';

const scenario = (id: Parameters<typeof presetById>[0], name?: string): Scenario => {
  const parsed = parseScenario({ ...presetById(id).scenario, ...(name ? { name } : {}) });
  if (!parsed.ok) throw new Error('a preset does not parse');
  return parsed.value;
};

async function whatIf(setup?: (sim: FakeSimulation) => void) {
  let sim: FakeSimulation | null = null;
  const rendered = await renderScreen(<WhatIfView />, { services: [checkout()] }, (core) => {
    sim = new FakeSimulation(core);
    setup?.(sim);
  });
  await screen.findByTestId('scenario-list');
  return { ...rendered, sim: sim! };
}

describe('the scenarios of the What-if screen', () => {
  it('adds a scenario from the web-service preset through scenario/save, and lists it selected', async () => {
    const { user, core } = await whatIf();
    await user.selectOptions(screen.getByTestId('scenario-preset'), 'web-service');
    await user.click(screen.getByTestId('scenario-add'));
    const saved = core.callsTo('scenario/save');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.sliId).toBe(11);
    expect(saved[0]!.id ?? null).toBeNull();
    expect(saved[0]!.scenario.deploys).toMatchObject({ perWeek: 10, failureProbability: 0.05, canaryShare: 0.1 });
    const item = await screen.findByRole('button', { name: /Typical web service/, pressed: true });
    expect(item.textContent).toContain('not run yet');
    expect((screen.getByTestId('wf-deploys.perWeek') as HTMLInputElement).value).toBe('10');
  });

  it('names a copy that does not clash, and deletes through scenario/delete', async () => {
    const { user, core, sim } = await whatIf((s) => s.add(11, scenario('batch-system')));
    await user.click(screen.getByTestId('scenario-duplicate'));
    await waitFor(() => expect(sim.stored.map((s) => s.scenario.name)).toEqual(['Nightly batch system', 'Nightly batch system (copy)']));
    await user.click(screen.getByTestId('scenario-delete'));
    expect(core.callsTo('scenario/delete')).toEqual([{ id: 501 }]);
    await waitFor(() =>
      expect(screen.getAllByTestId('scenario-item').map((b) => b.querySelector('.wf-item-name')?.textContent)).toEqual(['Nightly batch system']),
    );
  });

  it('shows the schema’s message under a field typed out of range, and blocks Run until it is fixed', async () => {
    const { user } = await whatIf((s) => s.add(11, scenario('web-service')));
    const field = screen.getByTestId('wf-deploys.failureProbability');
    await user.clear(field);
    await user.type(field, '1.5');
    expect(screen.getByTestId('wf-error-deploys.failureProbability').textContent).toBe('deploys.failureProbability must be at most 1 (100 %)');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('run-start') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('run-blocked').textContent).toBe('Fix this field before running: deploys.failureProbability must be at most 1 (100 %)');
    await user.clear(field);
    await user.type(field, '0.2');
    expect(screen.queryByTestId('wf-error-deploys.failureProbability')).toBeNull();
    expect((screen.getByTestId('run-start') as HTMLButtonElement).disabled).toBe(false);
  });

  it('checks a lognormal duration: a p90 below the median is refused with the schema’s words', async () => {
    const { user } = await whatIf((s) => s.add(11, scenario('web-service')));
    const p90 = screen.getByTestId('wf-incidents.durationMinutes-p90');
    await user.clear(p90);
    await user.type(p90, '10');
    expect(screen.getByTestId('wf-error-incidents.durationMinutes').textContent).toBe('The p90 must be at least the median');
  });
});

describe('moving around the What-if screen', () => {
  it('moves between its views with the arrow keys, only the shown one in the tab order', async () => {
    const { user } = await whatIf((s) => s.add(11, scenario('web-service')));
    screen.getByRole('tab', { name: 'Scenario and run' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Compare' }));
    expect(screen.getByTestId('compare-view')).toBeTruthy();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Replay on history' }).getAttribute('aria-selected')).toBe('true');
    expect(
      within(screen.getByRole('tablist', { name: 'What-if views' }))
        .getAllByRole('tab')
        .map((t) => t.tabIndex),
    ).toEqual([-1, -1, -1, 0]);
  });
});

describe('keeping the scenarios current', () => {
  it('refetches them when another window announces a change, and when an undo puts one back or takes it away', async () => {
    const { core, sim } = await whatIf();
    const names = () => screen.queryAllByTestId('scenario-item').map((b) => b.querySelector('.wf-item-name')?.textContent);
    sim.add(11, scenario('ai-feature'));
    core.emit('scenarios-changed', { sliId: 11 });
    await waitFor(() => expect(names()).toEqual(['AI feature, rated helpful']));
    // A change to another SLI's scenarios leaves this list alone.
    const before = core.callsTo('scenario/list').length;
    core.emit('scenarios-changed', { sliId: 12 });
    await waitFor(() => expect(core.callsTo('workspace/state').length).toBeGreaterThan(0));
    expect(core.callsTo('scenario/list').length).toBe(before);
    sim.stored.length = 0;
    core.emit('catalog-changed', { reason: 'undo' });
    await waitFor(() => expect(names()).toEqual([]));
  });
});

describe('running a scenario', () => {
  it('shows the breach table with the numbers of the result, trials and seed as sent', async () => {
    const { user, core } = await whatIf((s) => s.add(11, scenario('web-service')));
    await user.clear(screen.getByTestId('run-seed'));
    await user.type(screen.getByTestId('run-seed'), '42');
    await user.click(screen.getByTestId('run-start'));
    const table = await screen.findByTestId('breach-table');
    expect(core.callsTo('simulation/run')[0]).toMatchObject({ sliId: 11, scenarioId: 500, trials: 10_000, seed: 42 });
    expect(within(table).getByText(/^Breach per tier, over 10,000 simulated windows \(seed 42\)/)).toBeTruthy();
    expect(screen.getByTestId('breach-slo-windows').textContent).toBe('in 1 window out of 8');
    expect(screen.getByTestId('breach-slo-estimate').textContent).toBe('12.5 % (95 %: 11.9–13.2 %)');
    expect(screen.getByTestId('breach-slo-spent').textContent).toBe('55 % · P90 108 %');
    expect(screen.getByTestId('breach-slo-pages').textContent).toBe('1 · P90 3');
    expect(screen.getByTestId('breach-target-windows').textContent).toBe('in 3 windows out of 4');
    expect(screen.getByTestId('breach-sla-windows').textContent).toBe('in 1 window out of 50');
    expect(screen.getByTestId('fan-chart').querySelectorAll('path.fan-median')).toHaveLength(3);
    // The summary is the shared summarise(result): each tier's chance in windows, as the table says it.
    const summary = screen.getByTestId('whatif-summary').textContent!;
    expect(summary).toMatch(/^With “Typical web service”, the SLA .*breached in 1 window out of 50; the SLO .* in 1 window out of 8;/);
    expect(screen.getByTestId('policy-facts').textContent).toContain('1 · P90 8');
    expect(screen.queryByTestId('whatif-stale')).toBeNull();
  });

  it('lists the notes of a run, how it was made, beside the policy it shows', async () => {
    const { user } = await whatIf((s) => {
      s.add(11, scenario('web-service'));
      s.runNotes = ['payments: its errors were drawn from its scenario “Card network”.'];
    });
    await user.click(screen.getByTestId('run-start'));
    await screen.findByTestId('breach-table');
    expect(screen.getByTestId('policy-facts')).toBeTruthy();
    expect(screen.getByTestId('run-notes').textContent).toBe('payments: its errors were drawn from its scenario “Card network”.');
  });

  it('shows a progress bar while the run is on its way, and Cancel sends simulation/cancel for its job', async () => {
    const { user, core, sim } = await whatIf((s) => s.add(11, scenario('web-service')));
    sim.holdNextRun();
    await user.click(screen.getByTestId('run-start'));
    const progress = await screen.findByTestId('run-progress');
    sim.progress(2500, 10_000);
    await waitFor(() => expect(progress.getAttribute('value')).toBe('2500'));
    expect(screen.getByText('2,500 of 10,000 trials')).toBeTruthy();
    await user.click(screen.getByTestId('run-cancel'));
    const jobId = core.callsTo('simulation/run')[0]!.jobId;
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
    expect(core.callsTo('simulation/cancel')).toEqual([{ jobId }]);
    await waitFor(() => expect(screen.queryByTestId('run-progress')).toBeNull());
    // A cancelled run stores nothing and is no error.
    expect(screen.queryByTestId('breach-table')).toBeNull();
    expect(screen.queryByTestId('whatif-error')).toBeNull();
  });

  it('saves an edited draft before running it, so the stored scenario is the one that ran', async () => {
    const { user, core } = await whatIf((s) => s.add(11, scenario('web-service')));
    const field = screen.getByTestId('wf-deploys.perWeek');
    await user.clear(field);
    await user.type(field, '20');
    await user.click(screen.getByTestId('run-start'));
    await screen.findByTestId('breach-table');
    expect(core.callsTo('scenario/save').map((a) => [a.id, a.scenario.deploys?.perWeek])).toEqual([[500, 20]]);
    expect(core.callsTo('simulation/run')).toHaveLength(1);
  });
});

describe('comparing and explaining scenarios', () => {
  it('shows two scenarios’ last runs side by side', async () => {
    const { user } = await whatIf((s) => {
      s.add(11, scenario('web-service'), handMadeResult('Typical web service', 1, 10_000));
      s.add(11, scenario('batch-system'), handMadeResult('Nightly batch system', 1, 10_000, 2));
    });
    await user.click(screen.getByTestId('whatif-pane-compare'));
    await user.click(screen.getByTestId('compare-pick-500'));
    await user.click(screen.getByTestId('compare-pick-501'));
    expect(screen.getAllByTestId('compare-column').map((c) => c.textContent)).toEqual(['Typical web service', 'Nightly batch system']);
    const cells = (row: string) =>
      within(screen.getByTestId(`compare-${row}`))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells('breach-slo')).toEqual(['in 1 window out of 8 (12.5 %)', 'in 1 window out of 4 (25 %)']);
    expect(cells('spent-slo')).toEqual(['55 %', '110 %']);
    expect(cells('freeze')).toEqual(['1 · P90 8', '1 · P90 16']);
  });

  it('ranks the knobs of a sensitivity run by their swing, largest first', async () => {
    const { user } = await whatIf((s) => s.add(11, scenario('web-service')));
    await user.click(screen.getByTestId('whatif-pane-sensitivity'));
    await user.click(screen.getByTestId('sensitivity-start'));
    const chart = await screen.findByTestId('tornado-chart');
    const rows = [...chart.querySelectorAll('.tornado-row')].map((r) => r.getAttribute('data-testid'));
    expect(rows).toEqual(['tornado-incidents.perWeek', 'tornado-deploys.perWeek', 'tornado-baseline.errorRate']);
    expect(chart.textContent).toContain('5 % → 24 %');
  });
});
