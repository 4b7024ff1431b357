// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ServicePanel } from '../services/ServicePanel';

const editor = (readOnly = false) => renderScreen(<ServicePanel />, { services: [checkout()], readOnly });
const card = (name: string) => within(screen.getByRole('region', { name: `SLI ${name}` }));
const availability = () => card('availability');
/** The budget column of one tier of the availability SLI (id 11). */
const budget = (tier: 'sla' | 'slo' | 'target') => screen.getByTestId(`tier-11-${tier}-budget`).textContent;

describe('the tier editor', () => {
  it('shows each stored tier with its target and its budget over 30 days', async () => {
    await editor();
    expect(availability().getByRole('textbox', { name: 'SLA target %' })).toHaveProperty('value', '99.5');
    expect(availability().getByRole('textbox', { name: 'SLO target %' })).toHaveProperty('value', '99.9');
    expect(availability().getByRole('textbox', { name: 'performance target target %' })).toHaveProperty('value', '99.95');
    expect([budget('sla'), budget('slo'), budget('target')]).toEqual(['3.6 h', '43.2 min', '21.6 min']);
    expect(screen.getByTestId('tier-11-slo-budget-percent').textContent).toBe('0.1 %');
    expect(
      availability()
        .getByRole('img', { name: /^Ladder of availability: / })
        .getAttribute('aria-label'),
    ).toContain('SLO 99.9 %');
  });

  it('saves a typed target on Enter, and the budget in minutes follows: 99.8 % allows 1.44 h', async () => {
    const { user, core } = await editor();
    const slo = availability().getByRole('textbox', { name: 'SLO target %' });
    await user.clear(slo);
    await user.type(slo, '99.8{Enter}');
    await waitFor(() => expect(budget('slo')).toBe('1.44 h'));
    expect(core.callsTo('objective/set')).toEqual([
      { sliId: 11, tier: 'slo', targetPpm: 998_000, window: { kind: 'rolling', days: 30 }, method: 'occurrences', timeslice: null, latencyThresholdMs: null },
    ]);
    expect(screen.getByTestId('tier-11-slo-budget-percent').textContent).toBe('0.2 %');
  });

  it('saves when the field is left with Tab, and moves on to the window picker', async () => {
    const { user, core } = await editor();
    const sla = availability().getByRole('textbox', { name: 'SLA target %' });
    await user.clear(sla);
    await user.type(sla, '99');
    await user.tab();
    expect(document.activeElement).toBe(availability().getByRole('combobox', { name: 'SLA window' }));
    await waitFor(() => expect(budget('sla')).toBe('7.2 h'));
    expect(core.callsTo('objective/set').map((a) => a.targetPpm)).toEqual([990_000]);
  });

  it('explains a target it cannot read beside the field and saves nothing', async () => {
    const { user, core } = await editor();
    const slo = availability().getByRole('textbox', { name: 'SLO target %' });
    await user.clear(slo);
    await user.type(slo, '99.9.9{Enter}');
    expect(availability().getByRole('alert').textContent).toBe('Target must be a number such as 99.9, not "99.9.9"');
    expect(slo.getAttribute('aria-invalid')).toBe('true');
    expect(core.callsTo('objective/set')).toEqual([]);
    // The stored budget stays until a valid target is saved; typing again clears the message.
    expect(budget('slo')).toBe('43.2 min');
    await user.type(slo, '{Backspace}');
    expect(availability().queryByRole('alert')).toBeNull();
  });

  it('refuses a window length that is not whole days, naming the field', async () => {
    const { user, core } = await editor();
    const days = availability().getByRole('textbox', { name: 'SLO window days' });
    await user.clear(days);
    await user.type(days, 'a month{Enter}');
    expect(availability().getByRole('alert').textContent).toBe('Window must be a whole number of days, not "a month"');
    expect(core.callsTo('objective/set')).toEqual([]);
    await user.clear(days);
    await user.type(days, '28{Enter}');
    await waitFor(() => expect(budget('slo')).toBe('40.3 min'));
    expect(core.callsTo('objective/set')[0]?.window).toEqual({ kind: 'rolling', days: 28 });
  });

  it('warns when a tier is looser than the one below it', async () => {
    const { user } = await editor();
    const slo = availability().getByRole('textbox', { name: 'SLO target %' });
    await user.clear(slo);
    await user.type(slo, '99.4{Enter}');
    const warning = await waitFor(() => availability().getByRole('status'));
    expect(warning.textContent).toBe('⚠ slo-looser-than-sla: The SLO (99.4 %) is looser than the SLA (99.5 %): rule "SLA ≤ SLO".');
  });

  it('saves a calendar window at once when it is chosen, and names the current month in the budget', async () => {
    const { user, core } = await editor();
    await user.selectOptions(availability().getByRole('combobox', { name: 'SLO window' }), 'calendar month');
    await waitFor(() => expect(budget('slo')).toMatch(/^\d+(\.\d)? min \([A-Z][a-z]+ \d{4}\)$/));
    expect(core.callsTo('objective/set')[0]?.window).toEqual({ kind: 'calendar', unit: 'month', timeZone: 'UTC' });
    // The days field gives way to the time zone of the calendar.
    expect(availability().queryByRole('textbox', { name: 'SLO window days' })).toBeNull();
    const zone = availability().getByRole('textbox', { name: 'SLO time zone' });
    await user.clear(zone);
    await user.type(zone, 'Europe/Atlantis{Enter}');
    expect(availability().getByRole('alert').textContent).toBe('Unknown time zone "Europe/Atlantis": use an IANA name such as Europe/Berlin or UTC');
    expect(core.callsTo('objective/set')).toHaveLength(1);
  });

  it('counts whole bad slices for Timeslices: 43 bad 1-minute slices of 43,200 in 30 days at 99.9 %', async () => {
    const { user, core } = await editor();
    await user.selectOptions(availability().getByRole('combobox', { name: 'SLO budgeting method' }), 'Timeslices');
    await waitFor(() => expect(screen.getByTestId('tier-11-slo-bad-events').textContent).toBe('43 bad slices of 43,200'));
    expect(core.callsTo('objective/set')[0]).toMatchObject({ method: 'timeslices', timeslice: { sliceMinutes: 1, sliceTargetPpm: 950_000 } });
    const slice = availability().getByRole('textbox', { name: 'SLO slice length minutes' });
    await user.clear(slice);
    await user.type(slice, '5{Enter}');
    await waitFor(() => expect(screen.getByTestId('tier-11-slo-bad-events').textContent).toBe('8 bad slices of 8,640'));
  });

  it('turns the service traffic into bad events for each tier', async () => {
    const { user, core } = await editor();
    await user.type(screen.getByRole('textbox', { name: 'Traffic' }), '1,000,000{Enter}');
    await waitFor(() => expect(screen.getByTestId('tier-11-slo-bad-events').textContent).toBe('30,000 bad events'));
    expect(screen.getByTestId('tier-11-sla-bad-events').textContent).toBe('150,000 bad events');
    expect(core.callsTo('service/set-traffic')).toEqual([{ serviceId: 1, requestsPerDay: 1_000_000 }]);
  });

  it('sets a first tier on a latency SLI at its default threshold', async () => {
    const { user, core } = await editor();
    expect(card('latency').getByText('Set a target for any tier to see the ladder.')).toBeTruthy();
    expect(card('latency').getByRole('textbox', { name: 'SLO threshold ms' })).toHaveProperty('value', '300');
    await user.type(card('latency').getByRole('textbox', { name: 'SLO target %' }), '99{Enter}');
    await waitFor(() => expect(screen.getByTestId('tier-12-slo-budget').textContent).toBe('7.2 h'));
    expect(core.callsTo('objective/set')[0]).toMatchObject({ sliId: 12, tier: 'slo', targetPpm: 990_000, latencyThresholdMs: 300 });
    expect(card('latency').getByRole('img', { name: /^Ladder of latency: SLO 99 %/ })).toBeTruthy();
  });

  it('leaves an empty tier alone when its field is left empty', async () => {
    const { user, core } = await editor();
    const target = card('latency').getByRole('textbox', { name: 'SLA target %' });
    await user.click(target);
    await user.tab();
    expect(core.callsTo('objective/set')).toEqual([]);
    expect(card('latency').queryByRole('alert')).toBeNull();
  });

  it('clears a tier with its ✕ button', async () => {
    const { user, core } = await editor();
    await user.click(availability().getByRole('button', { name: 'Clear performance target' }));
    await waitFor(() => expect(budget('target')).toBe('—'));
    expect(core.callsTo('objective/clear')).toEqual([{ sliId: 11, tier: 'target' }]);
    expect(availability().getByRole('textbox', { name: 'performance target target %' })).toHaveProperty('value', '');
    expect(availability().queryByRole('button', { name: 'Clear performance target' })).toBeNull();
  });

  it('shows the core’s refusal beside the field it names', async () => {
    const { user, core } = await editor();
    core.refuse('objective/set', 'INVALID_ARGUMENT', 'Window must be at most 3650 days', { field: 'window.days' });
    const days = availability().getByRole('textbox', { name: 'SLO window days' });
    await user.clear(days);
    await user.type(days, '90{Enter}');
    expect((await screen.findByTestId('tier-11-slo-days-error')).textContent).toBe('Window must be at most 3650 days');
    expect(budget('slo')).toBe('43.2 min');
  });

  it('follows an undo: the target typed and saved goes back to the stored one', async () => {
    const { user, store } = await editor();
    const slo = availability().getByRole('textbox', { name: 'SLO target %' });
    await user.clear(slo);
    await user.type(slo, '99.8{Enter}');
    await waitFor(() => expect(budget('slo')).toBe('1.44 h'));
    expect(store.getState().workspace.undoLabel).toBe('Set SLO of "availability"');
    await store.getState().undo();
    await waitFor(() => expect(slo).toHaveProperty('value', '99.9'));
    expect(budget('slo')).toBe('43.2 min');
  });

  it('renames an SLI on Enter and refuses an empty name', async () => {
    const { user, core } = await editor();
    const name = availability().getByRole('textbox', { name: 'SLI name' });
    await user.clear(name);
    await user.keyboard('{Enter}');
    expect(availability().getByRole('alert').textContent).toBe('SLI name must not be empty');
    await user.type(name, 'successful payments{Enter}');
    await waitFor(() => expect(screen.getByRole('region', { name: 'SLI successful payments' })).toBeTruthy());
    expect(core.callsTo('sli/update')).toEqual([{ sliId: 11, name: 'successful payments' }]);
  });

  it('switches the alerts shown below the table between the tiers', async () => {
    const { user } = await editor();
    expect(availability().getByRole('table', { name: /^Burn-rate alerts for the SLO \(99.9 %, rolling 30 days\)/ })).toBeTruthy();
    const tiers = within(availability().getByRole('group', { name: 'Alerts for tier' }));
    await user.click(tiers.getByRole('button', { name: 'SLA' }));
    expect(availability().getByRole('table', { name: /^Burn-rate alerts for the SLA \(99.5 %, rolling 30 days\)/ })).toBeTruthy();
    expect(tiers.getByRole('button', { name: 'SLA' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('offers nothing to change in a read-only workspace', async () => {
    await editor(true);
    const slo = availability().getByRole('textbox', { name: 'SLO target %' });
    expect(slo).toHaveProperty('disabled', true);
    expect(availability().getByRole('combobox', { name: 'SLO window' })).toHaveProperty('disabled', true);
    expect(availability().queryByRole('button', { name: /^Clear / })).toBeNull();
    expect(availability().queryByRole('button', { name: 'Delete SLI' })).toBeNull();
    expect(screen.getByText('Traffic: not set')).toBeTruthy();
  });
});
