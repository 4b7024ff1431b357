// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkout, dependencyCatalog, paymentsApi } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ServicePanel } from './ServicePanel';

const servicePanel = (services = [checkout(), paymentsApi()]) => renderScreen(<ServicePanel />, { services });
const name = () => screen.getByRole('textbox', { name: 'Service name' });
const traffic = () => screen.getByRole('textbox', { name: 'Traffic' });

describe('the service panel', () => {
  it('asks for a first service when there is none', async () => {
    await servicePanel([]);
    expect(screen.getByRole('heading', { name: 'Start with a service' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Service name' })).toBeNull();
  });

  it('renames the service when the field is left, and keeps its name when nothing changed', async () => {
    const { user, core } = await servicePanel();
    await user.click(name());
    await user.tab();
    expect(core.callsTo('service/rename')).toEqual([]);
    await user.clear(name());
    await user.type(name(), 'basket');
    await user.tab();
    await waitFor(() => expect(screen.getByRole('main', { name: 'Service basket' })).toBeTruthy());
    expect(core.callsTo('service/rename')).toEqual([{ serviceId: 1, name: 'basket' }]);
  });

  it('shows the core’s refusal of a name another service has, and an empty name’s message', async () => {
    const { user } = await servicePanel();
    await user.clear(name());
    await user.type(name(), 'Payments-API{Enter}');
    expect((await screen.findByTestId('service-name-error')).textContent).toBe('A service named "Payments-API" already exists');
    await user.clear(name());
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('service-name-error').textContent).toBe('Service name must not be empty');
    expect(screen.getByRole('main', { name: 'Service checkout' })).toBeTruthy();
  });

  it('stores the traffic typed with separators, shows it back formatted, and clears it when emptied', async () => {
    const { user, core } = await servicePanel();
    await user.type(traffic(), '2 500 000{Enter}');
    await waitFor(() => expect(traffic()).toHaveProperty('value', '2,500,000'));
    await user.clear(traffic());
    await user.tab();
    await waitFor(() => expect(core.callsTo('service/set-traffic')).toHaveLength(2));
    expect(core.callsTo('service/set-traffic')).toEqual([
      { serviceId: 1, requestsPerDay: 2_500_000 },
      { serviceId: 1, requestsPerDay: null },
    ]);
    expect(traffic()).toHaveProperty('value', '');
  });

  it('explains traffic it cannot read and sends nothing', async () => {
    const { user, core } = await servicePanel();
    await user.type(traffic(), 'lots{Enter}');
    expect(screen.getByTestId('traffic-error').textContent).toBe('Traffic must be a number of requests per day such as 1000000, not "lots"');
    expect(core.callsTo('service/set-traffic')).toEqual([]);
    await user.type(traffic(), '{Backspace}');
    expect(screen.queryByTestId('traffic-error')).toBeNull();
  });

  it('shows the service’s dependency ceiling beside its tiers', async () => {
    await servicePanel(dependencyCatalog());
    const panel = within(screen.getByTestId('dependency-panel'));
    expect(panel.getByTestId('ceiling-value').textContent).toBe('99.94 %');
    expect(panel.getByTestId('ceiling-status').textContent).toBe('✓ SLO 99.9 % fits');
    expect(panel.getByRole('list', { name: 'What checkout depends on' })).toBeTruthy();
  });

  it('follows a service chosen elsewhere, showing its own SLIs and the form to add one', async () => {
    const { store } = await servicePanel();
    store.getState().select(2);
    await waitFor(() => expect(screen.getByRole('main', { name: 'Service payments-api' })).toBeTruthy());
    expect(screen.getAllByRole('region', { name: /^SLI / }).map((r) => r.getAttribute('aria-label'))).toEqual(['SLI availability']);
    expect(screen.getByRole('form', { name: 'Add an SLI' })).toBeTruthy();
  });
});
