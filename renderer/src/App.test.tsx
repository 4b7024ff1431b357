// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { FakeHistory } from './test/fake-history';
import { checkout, paymentsApi } from './test/fixtures';
import { renderScreen } from './test/render';

const app = (readOnly = false) =>
  renderScreen(<App />, { services: [checkout(), paymentsApi()], readOnly }, (core, workspace) => {
    new FakeHistory(core, workspace);
  });
const sidebar = () => within(screen.getByRole('complementary', { name: 'Services' }));
const serviceButton = (name: string) => sidebar().getByRole('button', { name: new RegExp(`^${name}`) });

describe('the workspace window', () => {
  it('opens on Services & tiers with the workspace named in the title bar and its services in the sidebar', async () => {
    await app();
    expect(screen.getByTestId('workspace-title').textContent).toBe('payments payments.slowb');
    expect(screen.getByRole('tab', { name: 'Services & tiers' }).getAttribute('aria-selected')).toBe('true');
    expect(
      sidebar()
        .getAllByRole('button', { name: /SLI/ })
        .map((b) => b.textContent),
    ).toEqual(['checkout2 SLIs', 'payments-api1 SLI']);
    expect(serviceButton('checkout').getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('main', { name: 'Service checkout' })).toBeTruthy();
  });

  it('adds a service, selects it and invites its first SLI', async () => {
    const { user, core } = await app();
    await user.type(sidebar().getByRole('textbox', { name: 'New service' }), 'search{Enter}');
    await waitFor(() => expect(screen.getByRole('main', { name: 'Service search' })).toBeTruthy());
    expect(serviceButton('search').getAttribute('aria-current')).toBe('true');
    expect(sidebar().getByRole('textbox', { name: 'New service' })).toHaveProperty('value', '');
    expect(screen.getByText('No SLIs yet. An SLI is what you measure: the share of good requests, or of fast ones.')).toBeTruthy();
    expect(core.callsTo('service/create')).toEqual([{ name: 'search' }]);
  });

  it('refuses an empty service name and one already taken, whatever its case', async () => {
    const { user } = await app();
    await user.click(sidebar().getByRole('button', { name: 'Add service' }));
    expect(sidebar().getByRole('alert').textContent).toBe('Service name must not be empty');
    await user.type(sidebar().getByRole('textbox', { name: 'New service' }), 'Checkout{Enter}');
    expect((await sidebar().findByRole('alert')).textContent).toBe('A service named "Checkout" already exists');
    expect(sidebar().getAllByRole('listitem')).toHaveLength(2);
  });

  it('adds a latency SLI with its threshold, and explains a threshold it cannot read', async () => {
    const { user, core } = await app();
    const form = within(screen.getByRole('form', { name: 'Add an SLI' }));
    await user.type(form.getByRole('textbox', { name: 'SLI name' }), 'p99 latency');
    await user.selectOptions(form.getByRole('combobox', { name: 'Kind' }), 'latency');
    await user.clear(form.getByRole('textbox', { name: 'Threshold' }));
    await user.type(form.getByRole('textbox', { name: 'Threshold' }), 'fast{Enter}');
    expect(form.getByRole('alert').textContent).toBe('Threshold must be a number of milliseconds such as 200, not "fast"');
    await user.clear(form.getByRole('textbox', { name: 'Threshold' }));
    await user.type(form.getByRole('textbox', { name: 'Threshold' }), '250{Enter}');
    const card = within(await screen.findByRole('region', { name: 'SLI p99 latency' }));
    expect(card.getByText('latency · default 250 ms')).toBeTruthy();
    expect(core.callsTo('sli/create')).toEqual([
      { serviceId: 1, name: 'p99 latency', kind: 'latency', latencyThresholdMs: 250, freshnessMaxAgeMs: null, wording: null },
    ]);
    expect(serviceButton('checkout').textContent).toBe('checkout3 SLIs');
  });

  it('asks before deleting a service, and Undo in the toolbar brings it back', async () => {
    const { user } = await app();
    await user.click(screen.getByRole('button', { name: 'Delete service' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Delete service' }));
    expect(dialog.getByText('Delete “checkout” with all its SLIs and tiers? You can undo this.')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Delete service' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Delete service' })).getByRole('button', { name: 'Delete service' }));
    await waitFor(() => expect(sidebar().queryByRole('button', { name: /^checkout/ })).toBeNull());
    expect(screen.getByRole('main', { name: 'Service payments-api' })).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(undo.getAttribute('title')).toBe('Undo: Delete service "checkout" (Ctrl+Z)');
    await user.click(undo);
    await waitFor(() => expect(serviceButton('checkout')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Redo' }).getAttribute('title')).toBe('Redo: Delete service "checkout" (Ctrl+Shift+Z)');
  });

  it('deletes an SLI after confirmation', async () => {
    const { user, core } = await app();
    const latency = within(screen.getByRole('region', { name: 'SLI latency' }));
    await user.click(latency.getByRole('button', { name: 'Delete SLI' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Delete SLI' }));
    expect(dialog.getByText('Delete the SLI “latency” and its tiers? You can undo this.')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Delete SLI' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'SLI latency' })).toBeNull());
    expect(core.callsTo('sli/delete')).toEqual([{ sliId: 12 }]);
  });

  it('undoes with Ctrl+Z outside a text field, and leaves Ctrl+Z to the field while typing', async () => {
    const { user, core } = await app();
    await user.type(sidebar().getByRole('textbox', { name: 'New service' }), 'search{Enter}');
    await waitFor(() => expect(serviceButton('search')).toBeTruthy());
    await user.type(sidebar().getByRole('textbox', { name: 'New service' }), 'x');
    await user.keyboard('{Control>}z{/Control}');
    expect(core.callsTo('edit/undo')).toEqual([]);
    await user.click(screen.getByRole('heading', { name: 'Services' }));
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(sidebar().queryByRole('button', { name: /^search/ })).toBeNull());
    expect(core.callsTo('edit/undo')).toHaveLength(1);
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await waitFor(() => expect(serviceButton('search')).toBeTruthy());
  });

  it('moves between the screens with the arrow keys on the tabs', async () => {
    const { user } = await app();
    screen.getByRole('tab', { name: 'Services & tiers' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'History' }));
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByTestId('history-view')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('main', { name: 'What-if' })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('main', { name: 'Review' })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('main', { name: 'Dependencies' })).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('main', { name: 'Budget calculator' })).toBeTruthy();
    // From the last tab, right wraps to the first; left from the first goes to the last.
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Services & tiers' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Budget calculator' }));
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, -1, -1, -1, -1, 0]);
  });

  it('shows a failure in a banner until it is dismissed', async () => {
    const { user, core } = await app();
    await user.type(sidebar().getByRole('textbox', { name: 'New service' }), 'search{Enter}');
    await waitFor(() => expect(serviceButton('search')).toBeTruthy());
    core.refuse('edit/undo', 'UNDO_FAILED', 'The workspace changed since that edit; nothing was undone');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    const banner = await screen.findByTestId('error-banner');
    expect(within(banner).getByText('The workspace changed since that edit; nothing was undone')).toBeTruthy();
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('error-banner')).toBeNull();
  });

  it('counts tier warnings in the sidebar', async () => {
    const { user } = await app();
    expect(serviceButton('checkout').querySelector('.badge')).toBeNull();
    const slo = within(screen.getByRole('region', { name: 'SLI availability' })).getByRole('textbox', { name: 'SLO target %' });
    await user.clear(slo);
    await user.type(slo, '99.4{Enter}');
    // The SLO (99.4 %) is now looser than the SLA (99.5 %): one warning.
    await waitFor(() => expect(serviceButton('checkout').querySelector('.badge')?.textContent).toBe('⚠ 1'));
    expect(serviceButton('payments-api').querySelector('.badge')).toBeNull();
  });

  it('says why a read-only workspace cannot be changed and offers no way to change it', async () => {
    await app(true);
    expect(screen.getByRole('status').textContent).toBe('payments.slowb cannot be written: the file is read-only. It is open read-only.');
    expect(within(screen.getByTestId('workspace-title')).getByText('read-only')).toBeTruthy();
    expect(sidebar().queryByRole('textbox', { name: 'New service' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add an SLI' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'checkout', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Delete service' })).toBeNull();
  });
});
