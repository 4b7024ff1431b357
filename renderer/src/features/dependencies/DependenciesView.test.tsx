// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dependencyCatalog } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { DependenciesView } from './DependenciesView';

const dependencies = (checkoutSloPpm?: number, readOnly = false) =>
  renderScreen(<DependenciesView />, { services: dependencyCatalog(checkoutSloPpm), readOnly });
const graph = () => within(screen.getByRole('group', { name: 'Dependency graph of 5 services' }));
const side = () => within(screen.getByTestId('dependency-side'));
const node = (name: string) => graph().getByRole('button', { name: new RegExp(`^${name}: `) });

describe('the dependencies screen', () => {
  it('draws a box per service, named with its SLO, its ceiling and whether the SLO fits', async () => {
    await dependencies();
    expect(
      graph()
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label'))
        .sort(),
    ).toEqual([
      'checkout: SLO 99.9 %, ✓ ceiling 99.94 %; SLO within its ceiling',
      'payments-api: SLO 99.95 %; nothing to check (no availability SLO, or no dependency with one)',
      'redis-a: SLO 99 %; nothing to check (no availability SLO, or no dependency with one)',
      'redis-b: SLO 99 %; nothing to check (no availability SLO, or no dependency with one)',
      'search: no availability SLO; nothing to check (no availability SLO, or no dependency with one)',
    ]);
    expect(screen.getByTestId('infeasible-count').textContent).toBe('every SLO within its ceiling');
  });

  it('draws an arrow per dependency, the redundancy group dashed and named', async () => {
    await dependencies();
    expect(screen.getByTestId('edge-checkout-payments-api').getAttribute('class')).toBe('dep-edge dep-edge-hard');
    expect(screen.getByTestId('edge-checkout-redis-a').getAttribute('class')).toBe('dep-edge dep-edge-group');
    expect(screen.getByTestId('edge-checkout-redis-b').textContent).toBe('checkout depends on redis-b (redundancy group "cache")');
    expect(screen.getAllByText('cache')).toHaveLength(2);
    expect(screen.queryByTestId('edge-search-checkout')).toBeNull();
  });

  it('explains the ceiling of the selected service: 99.95 % × (1 − 1 % × 1 %) = 99.94 %', async () => {
    await dependencies();
    expect(screen.getByRole('complementary', { name: 'Dependencies of checkout' })).toBeTruthy();
    expect(side().getByTestId('ceiling-value').textContent).toBe('99.94 %');
    expect(side().getByTestId('ceiling-status').textContent).toBe('✓ SLO 99.9 % fits');
    expect(side().getByTestId('ceiling-formula').textContent).toBe('99.95 % × 99.99 % = 99.94 %');
    expect(
      within(side().getByTestId('ceiling-factors'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['hard "payments-api": SLO 99.95 %', 'group "cache" (redis-a, redis-b): 1 − (1 − 99 %) × (1 − 99 %) = 99.99 %']);
  });

  it('flags an SLO above its ceiling in the badge, the box and the warning, naming what limits it', async () => {
    await dependencies(999_500);
    expect(screen.getByTestId('infeasible-count').textContent).toBe('1 SLO above the ceiling');
    expect(node('checkout').getAttribute('data-status')).toBe('infeasible');
    expect(node('checkout').getAttribute('aria-label')).toBe('checkout: SLO 99.95 %, ⚠ ceiling 99.94 %; SLO above its ceiling');
    expect(side().getByRole('status').textContent).toBe(
      '⚠ The SLO of "checkout" (99.95 %) is above what its dependencies allow (99.94 %): "payments-api" (99.95 %) limits it most.',
    );
    expect(side().getByTestId('ceiling-status').textContent).toBe('⚠ SLO 99.95 % is above it');
  });

  it('selects a service by clicking its box, or by Tab and Enter', async () => {
    const { user } = await dependencies();
    await user.click(node('redis-a'));
    expect(screen.getByRole('complementary', { name: 'Dependencies of redis-a' })).toBeTruthy();
    expect(node('redis-a').getAttribute('aria-pressed')).toBe('true');
    expect(side().getByText('“redis-a” depends on nothing yet.')).toBeTruthy();
    await user.tab();
    expect(document.activeElement).toBe(node('redis-b'));
    await user.keyboard('{Enter}');
    expect(screen.getByRole('complementary', { name: 'Dependencies of redis-b' })).toBeTruthy();
    // Boxes are in the picture's order (checkout, search, then its dependencies); Shift+Tab goes back, Space selects.
    await user.keyboard('{Shift>}{Tab}{Tab}{/Shift}');
    expect(document.activeElement).toBe(node('payments-api'));
    await user.keyboard(' ');
    expect(screen.getByRole('complementary', { name: 'Dependencies of payments-api' })).toBeTruthy();
  });

  it('lists what the selected service depends on, with each target’s SLO', async () => {
    await dependencies();
    const list = within(side().getByRole('list', { name: 'What checkout depends on' }));
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '→ payments-apihardSLO 99.95 %Remove',
      '→ redis-agroup “cache”SLO 99 %Remove',
      '→ redis-bgroup “cache”SLO 99 %Remove',
    ]);
  });

  it('adds a hard dependency; one without an SLO is left out of the ceiling, and the graph gains its arrow', async () => {
    const { user, core } = await dependencies();
    await user.selectOptions(side().getByRole('combobox', { name: 'Depends on' }), 'search');
    await user.click(side().getByRole('button', { name: 'Add dependency' }));
    await waitFor(() => expect(side().getByTestId('dep-search').textContent).toBe('→ searchhardno availability SLORemove'));
    expect(core.callsTo('dependency/add')).toEqual([{ serviceId: 1, dependsOnId: 5, redundancyGroup: null }]);
    expect(side().getByTestId('ceiling-ignored').textContent).toBe('"search" has no availability SLO, so it is left out of the ceiling.');
    expect(side().getByTestId('ceiling-value').textContent).toBe('99.94 %');
    expect(screen.getByTestId('edge-checkout-search')).toBeTruthy();
  });

  it('adds a dependency to a redundancy group by name', async () => {
    const { user, core } = await dependencies();
    await user.click(node('payments-api'));
    await user.selectOptions(side().getByRole('combobox', { name: 'Depends on' }), 'redis-a');
    await user.selectOptions(side().getByRole('combobox', { name: 'How' }), 'in a redundancy group');
    await user.type(side().getByRole('combobox', { name: 'Group' }), 'sessions');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(side().getByTestId('dep-redis-a').textContent).toBe('→ redis-agroup “sessions”SLO 99 %Remove'));
    expect(core.callsTo('dependency/add')).toEqual([{ serviceId: 2, dependsOnId: 3, redundancyGroup: 'sessions' }]);
    // payments-api 99.95 % now rests on redis-a alone (99 %), so it is flagged.
    expect(node('payments-api').getAttribute('data-status')).toBe('infeasible');
  });

  it('asks for the target and for a group name before sending anything', async () => {
    const { user, core } = await dependencies();
    await user.click(side().getByRole('button', { name: 'Add dependency' }));
    expect(side().getByRole('alert').textContent).toBe('Choose the service it depends on');
    await user.selectOptions(side().getByRole('combobox', { name: 'Depends on' }), 'search');
    expect(side().queryByRole('alert')).toBeNull();
    await user.selectOptions(side().getByRole('combobox', { name: 'How' }), 'in a redundancy group');
    await user.click(side().getByRole('button', { name: 'Add dependency' }));
    expect(side().getByRole('alert').textContent).toBe('A redundancy group needs a name');
    expect(core.callsTo('dependency/add')).toEqual([]);
  });

  it('shows the core’s refusal of a cycle and changes nothing', async () => {
    const { user, core } = await dependencies();
    await user.click(node('payments-api'));
    await user.selectOptions(side().getByRole('combobox', { name: 'Depends on' }), 'checkout');
    await user.click(side().getByRole('button', { name: 'Add dependency' }));
    expect((await side().findByRole('alert')).textContent).toBe(
      '"payments-api" cannot depend on "checkout": that would close the cycle payments-api → checkout → payments-api',
    );
    expect(core.callsTo('dependency/add')).toHaveLength(1);
    expect(screen.queryByTestId('edge-payments-api-checkout')).toBeNull();
  });

  it('calls the button “Update dependency” for an existing edge, and moves it into a group', async () => {
    const { user } = await dependencies();
    await user.selectOptions(side().getByRole('combobox', { name: 'Depends on' }), 'payments-api');
    expect(side().getByRole('button', { name: 'Update dependency' })).toBeTruthy();
    await user.selectOptions(side().getByRole('combobox', { name: 'How' }), 'in a redundancy group');
    await user.type(side().getByRole('combobox', { name: 'Group' }), 'cache{Enter}');
    await waitFor(() => expect(side().getByTestId('dep-payments-api').textContent).toBe('→ payments-apigroup “cache”SLO 99.95 %Remove'));
    // One group of three: 1 − 0.0005 × 0.01 × 0.01 rounds down to 99.9999 %.
    expect(side().getByTestId('ceiling-value').textContent).toBe('99.9999 %');
  });

  it('removes a dependency, and the ceiling is recomputed without it', async () => {
    const { user, core } = await dependencies();
    await user.click(side().getByRole('button', { name: 'Remove the dependency on payments-api' }));
    await waitFor(() => expect(side().queryByTestId('dep-payments-api')).toBeNull());
    expect(core.callsTo('dependency/remove')).toEqual([{ serviceId: 1, dependsOnId: 2 }]);
    expect(side().getByTestId('ceiling-value').textContent).toBe('99.99 %');
    expect(screen.queryByTestId('edge-checkout-payments-api')).toBeNull();
  });

  it('offers no form and no Remove in a read-only workspace', async () => {
    await dependencies(undefined, true);
    expect(side().queryByRole('form')).toBeNull();
    expect(side().queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(side().getByTestId('ceiling-value').textContent).toBe('99.94 %');
  });

  it('asks for services first in an empty workspace', async () => {
    await renderScreen(<DependenciesView />, { services: [] });
    expect(screen.getByRole('heading', { name: 'Dependencies' })).toBeTruthy();
    expect(screen.getByText('Add services first (Services & tiers), then say what each one needs here.')).toBeTruthy();
    expect(screen.queryByRole('group', { name: /^Dependency graph/ })).toBeNull();
  });
});
