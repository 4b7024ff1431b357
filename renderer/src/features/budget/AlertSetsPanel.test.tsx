// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SLOTH_30D } from '#shared/budget/alerts';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { CalculatorView } from '../calculator/CalculatorView';

const STRICT = { ...SLOTH_30D, name: 'strict 30d', page: { ...SLOTH_30D.page, quick: { budgetPercent: 1, shortMinutes: 5, longMinutes: 60 } }, id: 9 };

async function panel(options: { custom?: (typeof STRICT)[]; readOnly?: boolean } = {}) {
  const rendered = await renderScreen(<CalculatorView />, {
    services: [checkout()],
    customAlertSets: options.custom ?? [],
    readOnly: options.readOnly ?? false,
  });
  const sets = within(screen.getByTestId('alert-sets-panel'));
  await rendered.user.click(sets.getByText('Alert window sets'));
  return { ...rendered, sets };
}
const form = () => within(screen.getByRole('form', { name: 'Alert set' }));
/** The quick page row of the calculator's 30-day alert table: its burn-rate factor. */
const quickPageFactor = () => screen.getByTestId('calc-alerts-page-quick-factor').textContent;

describe('the alert window sets of a workspace', () => {
  it('lists the built-in sets with their periods, and the calculator uses the 30-day one', async () => {
    const { sets } = await panel();
    expect(sets.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['SRE workbook, 30 days built in · 30d', 'SRE workbook, 28 days built in · 28d']);
    expect(screen.getByRole('table', { name: /windows from “SRE workbook, 30 days”/ })).toBeTruthy();
    expect(quickPageFactor()).toBe('×14.4');
  });

  it('adds the team’s own 30-day set, which the calculator then prefers: 1 % in an hour pages at ×7.2', async () => {
    const { user, core } = await panel();
    await user.type(form().getByRole('textbox', { name: 'Name' }), 'strict 30d');
    await user.clear(form().getByRole('textbox', { name: 'page quick budget %' }));
    await user.type(form().getByRole('textbox', { name: 'page quick budget %' }), '1');
    await user.click(form().getByRole('button', { name: 'Add alert set' }));
    await waitFor(() => expect(screen.getByTestId('alert-set-strict 30d').textContent).toBe('strict 30d 30dEditDelete'));
    expect(core.callsTo('alerts/save-set')).toEqual([{ set: { name: 'strict 30d', periodMinutes: 30 * 1440, page: STRICT.page, ticket: STRICT.ticket } }]);
    expect(screen.getByRole('table', { name: /windows from “strict 30d”/ })).toBeTruthy();
    expect(quickPageFactor()).toBe('×7.2');
    // The form is empty again, ready for another set.
    expect(form().getByRole('textbox', { name: 'Name' })).toHaveProperty('value', '');
  });

  it('explains a missing name and a period it cannot read beside their fields', async () => {
    const { user, core } = await panel();
    await user.clear(form().getByRole('textbox', { name: 'SLO period' }));
    await user.type(form().getByRole('textbox', { name: 'SLO period' }), 'monthly');
    await user.click(form().getByRole('button', { name: 'Add alert set' }));
    expect(form().getByTestId('alert-set-name-error').textContent).toBe('An alert set needs a name');
    expect(form().getByTestId('alert-set-period-error').textContent).toBe('A duration is a number and a unit (m, h, d or w), such as 5m or 1h, not "monthly"');
    expect(core.callsTo('alerts/save-set')).toEqual([]);
  });

  it('refuses a short window as long as its long one, naming both', async () => {
    const { user, core } = await panel();
    await user.type(form().getByRole('textbox', { name: 'Name' }), 'odd');
    await user.clear(form().getByRole('textbox', { name: 'page quick short window' }));
    await user.type(form().getByRole('textbox', { name: 'page quick short window' }), '1h');
    await user.click(form().getByRole('button', { name: 'Add alert set' }));
    expect(form().getByTestId('alert-set-error').textContent).toBe('The page quick short window (1h) must be shorter than its long window (1h)');
    expect(core.callsTo('alerts/save-set')).toEqual([]);
  });

  it('edits one of the team’s sets in the same form, and cancels an edit', async () => {
    const { user, sets, core } = await panel({ custom: [STRICT] });
    await user.click(within(sets.getByTestId('alert-set-strict 30d')).getByRole('button', { name: 'Edit' }));
    expect(sets.getByRole('heading', { name: 'Edit “strict 30d”' })).toBeTruthy();
    expect(form().getByRole('textbox', { name: 'page quick budget %' })).toHaveProperty('value', '1');
    await user.clear(form().getByRole('textbox', { name: 'Name' }));
    await user.type(form().getByRole('textbox', { name: 'Name' }), 'strict, 30 days');
    await user.click(form().getByRole('button', { name: 'Save alert set' }));
    await waitFor(() => expect(screen.getByTestId('alert-set-strict, 30 days')).toBeTruthy());
    expect(core.callsTo('alerts/save-set')[0]).toMatchObject({ id: 9, set: { name: 'strict, 30 days' } });
    expect(sets.getByRole('heading', { name: 'Add an alert set' })).toBeTruthy();
    await user.click(within(sets.getByTestId('alert-set-strict, 30 days')).getByRole('button', { name: 'Edit' }));
    await user.click(form().getByRole('button', { name: 'Cancel' }));
    expect(sets.getByRole('heading', { name: 'Add an alert set' })).toBeTruthy();
  });

  it('deletes one of the team’s sets, and the calculator falls back to the SRE workbook', async () => {
    const { user, sets, core } = await panel({ custom: [STRICT] });
    expect(quickPageFactor()).toBe('×7.2');
    await user.click(sets.getByRole('button', { name: 'Delete alert set strict 30d' }));
    await waitFor(() => expect(sets.queryByTestId('alert-set-strict 30d')).toBeNull());
    expect(core.callsTo('alerts/delete-set')).toEqual([{ id: 9 }]);
    expect(quickPageFactor()).toBe('×14.4');
  });

  it('shows the sets but no way to change them in a read-only workspace', async () => {
    const { sets } = await panel({ custom: [STRICT], readOnly: true });
    expect(sets.getByTestId('alert-set-strict 30d').textContent).toBe('strict 30d 30d');
    expect(sets.queryByRole('form', { name: 'Alert set' })).toBeNull();
    expect(sets.queryByRole('button', { name: /^Delete/ })).toBeNull();
  });
});
