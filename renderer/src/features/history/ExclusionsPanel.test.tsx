// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeHistory, syntheticHistory } from '../../test/fake-history';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { HistoryView } from './HistoryView';

async function exclusions(readOnly = false) {
  const rendered = await renderScreen(<HistoryView />, { services: [checkout()], readOnly }, (core, workspace) => {
    new FakeHistory(core, workspace).add(11, 'checkout-availability.csv', syntheticHistory(40, []));
  });
  const panel = within(await screen.findByTestId('exclusions-panel'));
  return { ...rendered, panel };
}

/** Opens the form and fills it as a person would: a start, a length and a time zone. */
async function fill(panel: ReturnType<typeof within>, user: Awaited<ReturnType<typeof exclusions>>['user'], start: string, duration: string, zone: string) {
  await user.click(panel.getByRole('button', { name: '+ Exclude a period' }));
  // A datetime-local field takes its value whole: typed character by character it would be invalid on the way.
  fireEvent.change(panel.getByLabelText('Starts (local time)'), { target: { value: start } });
  await user.clear(panel.getByRole('textbox', { name: 'Lasts' }));
  await user.type(panel.getByRole('textbox', { name: 'Lasts' }), duration);
  await user.clear(panel.getByRole('textbox', { name: 'Time zone' }));
  await user.type(panel.getByRole('textbox', { name: 'Time zone' }), zone);
}

describe('the exclusions of the History screen', () => {
  it('starts with none, and offers a weekly two-hour maintenance window to begin from', async () => {
    const { panel, user } = await exclusions();
    expect(panel.getByTestId('exclusions-empty').textContent).toBe('No exclusions yet.');
    await user.click(panel.getByRole('button', { name: '+ Exclude a period' }));
    expect(panel.getByRole('combobox', { name: 'Category' })).toHaveProperty('value', 'maintenance');
    expect(panel.getByRole('textbox', { name: 'Reason' })).toHaveProperty('value', 'Weekly maintenance window');
    expect(panel.getByRole('textbox', { name: 'Lasts' })).toHaveProperty('value', '2h');
    expect(panel.getByRole('combobox', { name: 'Repeats' })).toHaveProperty('value', 'weekly');
    expect((panel.getByLabelText('Starts (local time)') as HTMLInputElement).value).toMatch(/^\d{4}-\d\d-\d\dT02:00$/);
    await user.click(panel.getByRole('button', { name: 'Cancel' }));
    expect(panel.queryByTestId('exclusion-form')).toBeNull();
  });

  it('adds a weekly window on Sundays 02:00 in Berlin, stored as 01:00 UTC with its rule', async () => {
    const { panel, user, core } = await exclusions();
    await fill(panel, user, '2026-12-13T02:00', '90m', 'Europe/Berlin');
    await user.click(panel.getByRole('button', { name: 'Add exclusion' }));
    const item = await panel.findByTestId('exclusion-item');
    expect(core.callsTo('exclusion/add')).toEqual([
      {
        serviceId: 1,
        sliId: null,
        exclusion: {
          category: 'maintenance',
          reason: 'Weekly maintenance window',
          startMs: Date.UTC(2026, 11, 13, 1, 0),
          durationMinutes: 90,
          rrule: 'FREQ=WEEKLY;BYDAY=SU',
          timeZone: 'Europe/Berlin',
        },
      },
    ]);
    expect(item.textContent).toBe(
      'Planned maintenanceSun 13 Dec 2026 02:00 (Europe/Berlin) for 90m, repeating every week on SundayWeekly maintenance windowDelete',
    );
    expect(panel.queryByTestId('exclusion-form')).toBeNull();
  });

  it('adds a one-off exclusion of this SLI only', async () => {
    const { panel, user, core } = await exclusions();
    await fill(panel, user, '2026-10-01T09:30', '45m', 'UTC');
    await user.selectOptions(panel.getByRole('combobox', { name: 'Category' }), 'Dependency outside our control');
    await user.clear(panel.getByRole('textbox', { name: 'Reason' }));
    await user.type(panel.getByRole('textbox', { name: 'Reason' }), 'CDN outage, ticket OPS-4711');
    await user.selectOptions(panel.getByRole('combobox', { name: 'Repeats' }), 'Once');
    expect(panel.queryByLabelText('Until (optional)')).toBeNull();
    await user.click(panel.getByRole('checkbox', { name: /^Only “availability”/ }));
    await user.click(panel.getByRole('button', { name: 'Add exclusion' }));
    const item = await panel.findByTestId('exclusion-item');
    expect(core.callsTo('exclusion/add')[0]).toMatchObject({
      sliId: 11,
      exclusion: { category: 'dependency', rrule: null, startMs: Date.UTC(2026, 9, 1, 9, 30) },
    });
    expect(item.textContent).toBe('Dependency outside our controlThu 1 Oct 2026 09:30 (UTC) for 45m (this SLI only)CDN outage, ticket OPS-4711Delete');
  });

  it('explains a length, a zone or a rule it cannot use beside its field, and sends nothing', async () => {
    const { panel, user, core } = await exclusions();
    await fill(panel, user, '2026-12-13T02:00', 'a while', 'Europe/Berlin');
    await user.click(panel.getByRole('button', { name: 'Add exclusion' }));
    expect(within(panel.getByTestId('exclusion-form')).getByRole('alert').textContent).toMatch(/a while/);
    await user.clear(panel.getByRole('textbox', { name: 'Lasts' }));
    await user.type(panel.getByRole('textbox', { name: 'Lasts' }), '2h');
    await user.clear(panel.getByRole('textbox', { name: 'Time zone' }));
    await user.type(panel.getByRole('textbox', { name: 'Time zone' }), 'Berlin');
    await user.click(panel.getByRole('button', { name: 'Add exclusion' }));
    expect(within(panel.getByTestId('exclusion-form')).getByRole('alert').textContent).toBe('Choose an IANA time zone such as Europe/Berlin');
    await user.clear(panel.getByRole('textbox', { name: 'Time zone' }));
    await user.type(panel.getByRole('textbox', { name: 'Time zone' }), 'Europe/Berlin');
    await user.selectOptions(panel.getByRole('combobox', { name: 'Repeats' }), 'Custom RRULE');
    await user.click(panel.getByRole('button', { name: 'Add exclusion' }));
    expect(within(panel.getByTestId('exclusion-form')).getByRole('alert').textContent).toBe('Type a rule such as FREQ=WEEKLY;BYDAY=SU');
    expect(core.callsTo('exclusion/add')).toEqual([]);
  });

  it('shows the core’s refusal of a start that is not on its own rule', async () => {
    const { panel, user, core } = await exclusions();
    // 13 December 2026 is a Sunday; the rule says the first Saturday of each month.
    await fill(panel, user, '2026-12-13T02:00', '2h', 'Europe/Berlin');
    await user.selectOptions(panel.getByRole('combobox', { name: 'Repeats' }), 'Custom RRULE');
    await user.type(panel.getByRole('textbox', { name: 'RRULE' }), 'FREQ=MONTHLY;BYDAY=1SA');
    await user.click(panel.getByRole('button', { name: 'Add exclusion' }));
    const error = await panel.findByTestId('exclusion-error');
    expect(error.textContent).toMatch(/^2026-12-13 02:00 \(Europe\/Berlin\) is not .+: start on the first occurrence, 2027-01-02 02:00$/);
    expect(core.callsTo('exclusion/add')).toHaveLength(1);
    expect(panel.getByTestId('exclusions-empty')).toBeTruthy();
  });

  it('deletes an exclusion', async () => {
    const { panel, user, core } = await exclusions();
    await fill(panel, user, '2026-12-13T02:00', '2h', 'Europe/Berlin');
    await user.click(panel.getByRole('button', { name: 'Add exclusion' }));
    await panel.findByTestId('exclusion-item');
    await user.click(panel.getByRole('button', { name: 'Delete exclusion Weekly maintenance window' }));
    await waitFor(() => expect(panel.getByTestId('exclusions-empty')).toBeTruthy());
    expect(core.callsTo('exclusion/delete')).toEqual([{ id: 1 }]);
  });

  it('offers no form and no Delete in a read-only workspace', async () => {
    const { panel } = await exclusions(true);
    expect(panel.queryByRole('button', { name: '+ Exclude a period' })).toBeNull();
    expect(panel.getByTestId('exclusions-empty')).toBeTruthy();
  });
});
