// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '#shared/budget/policy';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ServicePanel } from '../services/ServicePanel';

const policyPanel = async (options: { own?: boolean; readOnly?: boolean } = {}) => {
  const policy = options.own ? { ...DEFAULT_POLICY, warningBelowPercent: 60 } : null;
  const rendered = await renderScreen(<ServicePanel />, { services: [checkout({ policy })], readOnly: options.readOnly ?? false });
  return { ...rendered, panel: within(screen.getByRole('region', { name: 'Error-budget policy' })) };
};
const condition = (state: string) => screen.getByTestId(`policy-state-${state}`).querySelector('.state-condition')!.textContent;

describe('the error-budget policy of a service', () => {
  it('shows the default policy’s four states with their conditions', async () => {
    const { panel } = await policyPanel();
    expect(panel.getByText('default policy')).toBeTruthy();
    expect(['healthy', 'warning', 'critical', 'exhausted'].map(condition)).toEqual([
      'at least 50 % left and burning at most 2×',
      'under 50 % left or burning over 2×',
      'under 25 % left or burning over 6×',
      'no budget left',
    ]);
    expect(panel.getByRole('button', { name: 'Save policy' })).toHaveProperty('disabled', true);
    expect(panel.getByRole('button', { name: 'Reset to default' })).toHaveProperty('disabled', true);
  });

  it('follows a typed threshold in the states at once, and saves it as the service’s own policy', async () => {
    const { panel, user, core } = await policyPanel();
    await user.clear(panel.getByRole('textbox', { name: 'Warning below' }));
    await user.type(panel.getByRole('textbox', { name: 'Warning below' }), '40');
    expect(condition('warning')).toBe('under 40 % left or burning over 2×');
    expect(panel.getByText('Unsaved changes')).toBeTruthy();
    await user.click(panel.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(panel.getByText('this service’s own policy')).toBeTruthy());
    expect(core.callsTo('service/set-policy')).toEqual([{ serviceId: 1, policy: { ...DEFAULT_POLICY, warningBelowPercent: 40 } }]);
    expect(panel.queryByText('Unsaved changes')).toBeNull();
  });

  it('refuses a critical threshold above the warning one, naming the warning threshold', async () => {
    const { panel, user, core } = await policyPanel();
    await user.clear(panel.getByRole('textbox', { name: 'Critical below' }));
    await user.type(panel.getByRole('textbox', { name: 'Critical below' }), '75');
    // The states keep showing the stored policy while the draft is invalid.
    expect(condition('critical')).toBe('under 25 % left or burning over 6×');
    await user.click(panel.getByRole('button', { name: 'Save policy' }));
    expect(panel.getByRole('alert').textContent).toBe('The critical threshold must be above 0 % and below the warning threshold (50 %)');
    await user.clear(panel.getByRole('textbox', { name: 'or warning at burn rate' }));
    await user.type(panel.getByRole('textbox', { name: 'or warning at burn rate' }), 'fast');
    await user.click(panel.getByRole('button', { name: 'Save policy' }));
    expect(panel.getByRole('alert').textContent).toBe('The warning burn rate must be a number, not "fast"');
    expect(core.callsTo('service/set-policy')).toEqual([]);
  });

  it('saves the actions the team writes for a state', async () => {
    const { panel, user, core } = await policyPanel();
    const actions = panel.getByRole('textbox', { name: 'Critical actions' });
    await user.clear(actions);
    await user.type(actions, 'Freeze deploys; page the service owner.');
    await user.click(panel.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(core.callsTo('service/set-policy')).toHaveLength(1));
    expect(core.callsTo('service/set-policy')[0]?.policy?.actions.critical).toBe('Freeze deploys; page the service owner.');
  });

  it('resets the service’s own policy to the default', async () => {
    const { panel, user, core } = await policyPanel({ own: true });
    expect(condition('warning')).toBe('under 60 % left or burning over 2×');
    await user.click(panel.getByRole('button', { name: 'Reset to default' }));
    await waitFor(() => expect(panel.getByText('default policy')).toBeTruthy());
    expect(core.callsTo('service/set-policy')).toEqual([{ serviceId: 1, policy: null }]);
    expect(panel.getByRole('textbox', { name: 'Warning below' })).toHaveProperty('value', '50');
  });

  it('shows the policy but no fields or buttons in a read-only workspace', async () => {
    const { panel } = await policyPanel({ own: true, readOnly: true });
    expect(condition('warning')).toBe('under 60 % left or burning over 2×');
    expect(panel.queryByRole('textbox')).toBeNull();
    expect(panel.queryByRole('button')).toBeNull();
    expect(screen.getByTestId('policy-state-exhausted').textContent).toContain(DEFAULT_POLICY.actions.exhausted);
  });
});
