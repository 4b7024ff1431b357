// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { CalculatorView } from './CalculatorView';

const calculator = () => renderScreen(<CalculatorView />, { services: [checkout()] });
const target = () => screen.getByRole('textbox', { name: 'Target' });

/** The downtime table's cells by column heading: { day: '1.4 min', … }, and the bad-request row when there is one. */
function downtimeRow(row: 'Allowed downtime' | 'Bad requests'): Record<string, string> {
  const table = screen.getByRole('table', { name: /^Error budget of/ });
  const headings = within(table)
    .getAllByRole('columnheader')
    .slice(1)
    .map((h) => h.textContent ?? '');
  const cells = within(within(table).getByRole('rowheader', { name: row }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');
  return Object.fromEntries(headings.map((h, i) => [h, cells[i]!]));
}

describe('the budget calculator', () => {
  it('opens on 99.9 % and shows the published downtime row: 43.2 minutes over 30 days', async () => {
    await calculator();
    expect(target()).toHaveProperty('value', '99.9');
    expect(screen.getByRole('table', { name: 'Error budget of 99.9 % per period' })).toBeTruthy();
    expect(downtimeRow('Allowed downtime')).toEqual({
      day: '1.4 min',
      week: '10.1 min',
      '28 days': '40.3 min',
      '30 days': '43.2 min',
      'quarter · 90 d': '2.16 h',
      'year · 365 d': '8.76 h',
    });
    expect(screen.queryByRole('rowheader', { name: 'Bad requests' })).toBeNull();
  });

  it('recomputes as a target is typed: 99.99 % allows 4.3 minutes in 30 days and 8.6 seconds a day', async () => {
    const { user } = await calculator();
    await user.clear(target());
    await user.type(target(), '99.99');
    expect(screen.getByRole('table', { name: 'Error budget of 99.99 % per period' })).toBeTruthy();
    expect(downtimeRow('Allowed downtime')).toMatchObject({ day: '8.6 s', '30 days': '4.3 min', 'year · 365 d': '52.6 min' });
  });

  it('takes a target from the common nines, marking the pressed one', async () => {
    const { user } = await calculator();
    const nines = screen.getByRole('group', { name: 'Common targets' });
    expect(within(nines).getByRole('button', { name: '99.9 %' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(nines).getByRole('button', { name: '99.95 %' }));
    expect(target()).toHaveProperty('value', '99.95');
    expect(within(nines).getByRole('button', { name: '99.95 %' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(nines).getByRole('button', { name: '99.9 %' }).getAttribute('aria-pressed')).toBe('false');
    expect(downtimeRow('Allowed downtime')).toMatchObject({ '30 days': '21.6 min', day: '43.2 s' });
  });

  it('is usable from the keyboard: Tab from the target reaches the first of the nines, Enter picks it', async () => {
    const { user } = await calculator();
    await user.click(target());
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '99 %' }));
    await user.keyboard('{Enter}');
    expect(target()).toHaveProperty('value', '99');
    expect(downtimeRow('Allowed downtime')).toMatchObject({ day: '14.4 min', '30 days': '7.20 h' });
  });

  it.each([
    ['', 'Target is required, e.g. 99.9'],
    ['99,9', 'Target must be a number such as 99.9, not "99,9"'],
    ['100', 'Target must be below 100 % (100 % leaves no error budget)'],
    ['42', 'Target must be at least 50 % (a looser target is not an objective)'],
    ['99.99999', 'Target can have at most 4 decimals (1 part per million)'],
  ])('explains a target of "%s" beside the field and shows no budget', async (typed, message) => {
    const { user } = await calculator();
    await user.clear(target());
    if (typed) await user.type(target(), typed);
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(target().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('table', { name: /^Error budget of/ })).toBeNull();
    expect(screen.getByText('Type a target between 50 % and 100 % to see its budget.')).toBeTruthy();
  });

  it('turns a traffic of 1,000,000 requests a day into bad requests: 30,000 in 30 days at 99.9 %', async () => {
    const { user } = await calculator();
    await user.type(screen.getByRole('textbox', { name: 'Traffic (optional)' }), '1,000,000');
    expect(downtimeRow('Bad requests')).toEqual({
      day: '1,000',
      week: '7,000',
      '28 days': '28,000',
      '30 days': '30,000',
      'quarter · 90 d': '90,000',
      'year · 365 d': '365,000',
    });
  });

  it('refuses a negative traffic with its message and keeps the downtime', async () => {
    const { user } = await calculator();
    await user.type(screen.getByRole('textbox', { name: 'Traffic (optional)' }), '-5');
    expect(screen.getByRole('alert').textContent).toBe('Traffic must not be negative');
    expect(downtimeRow('Allowed downtime')['30 days']).toBe('43.2 min');
    expect(screen.queryByRole('rowheader', { name: 'Bad requests' })).toBeNull();
  });

  it('measures a real calendar month in its time zone: February 2027 in Berlin lasts 28 days and allows 40.3 minutes', async () => {
    const { user } = await calculator();
    const calendar = within(screen.getByRole('region', { name: 'Calendar period' }));
    await user.clear(calendar.getByRole('textbox', { name: 'Period' }));
    await user.type(calendar.getByRole('textbox', { name: 'Period' }), '2027-02');
    await user.clear(calendar.getByRole('textbox', { name: 'Time zone' }));
    await user.type(calendar.getByRole('textbox', { name: 'Time zone' }), 'Europe/Berlin');
    expect(screen.getByTestId('calc-calendar-answer').textContent).toBe(
      'February 2027 in Europe/Berlin lasts 28 d (40,320 min): allowed downtime 40.3 min (= 40.32 min)',
    );
    // March has the spring-forward hour: 31 days less one hour.
    await user.clear(calendar.getByRole('textbox', { name: 'Period' }));
    await user.type(calendar.getByRole('textbox', { name: 'Period' }), '2027-03');
    expect(screen.getByTestId('calc-calendar-answer').textContent).toMatch(/^March 2027 in Europe\/Berlin lasts 30 d 23 h \(44,580 min\)/);
  });

  it('names an unknown time zone and a period it cannot read', async () => {
    const { user } = await calculator();
    const calendar = within(screen.getByRole('region', { name: 'Calendar period' }));
    await user.clear(calendar.getByRole('textbox', { name: 'Time zone' }));
    await user.type(calendar.getByRole('textbox', { name: 'Time zone' }), 'Mars/Olympus');
    expect(calendar.getByRole('alert').textContent).toBe('Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Berlin or UTC');
    expect(screen.queryByTestId('calc-calendar-answer')).toBeNull();
    await user.clear(calendar.getByRole('textbox', { name: 'Time zone' }));
    await user.type(calendar.getByRole('textbox', { name: 'Time zone' }), 'UTC');
    await user.clear(calendar.getByRole('textbox', { name: 'Period' }));
    await user.type(calendar.getByRole('textbox', { name: 'Period' }), 'February');
    expect(calendar.getByRole('alert').textContent).toMatch(/February/);
    expect(screen.queryByTestId('calc-calendar-answer')).toBeNull();
  });

  it('switches the calendar unit and names the current period of that unit', async () => {
    const { user } = await calculator();
    const calendar = within(screen.getByRole('region', { name: 'Calendar period' }));
    await user.selectOptions(calendar.getByRole('combobox', { name: 'Calendar unit' }), 'quarter');
    expect((calendar.getByRole('textbox', { name: 'Period' }) as HTMLInputElement).value).toMatch(/^\d{4}-Q[1-4]$/);
    expect(screen.getByTestId('calc-calendar-answer').textContent).toMatch(/^\d{4}-Q[1-4] in UTC lasts (90|91|92) d/);
  });

  it('lists the page and ticket alerts of the target over 30 days with the SRE workbook windows', async () => {
    await calculator();
    const alerts = screen.getByRole('table', { name: /^Page and ticket alerts for 99.9 % over a rolling 30-day window/ });
    const row = (name: string) =>
      within(within(alerts).getByRole('rowheader', { name }).closest('tr')!)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // Burn rate = budget share × period ÷ long window: 2 % × 720 h ÷ 1 h = 14.4, an error rate of 14.4 × 0.1 %.
    expect(row('Page · quick')).toEqual(['1h', '5m', '2 %', '×14.4', '1.44 %', '2.08 d']);
    expect(row('Page · slow')).toEqual(['6h', '30m', '5 %', '×6', '0.6 %', '5 d']);
    expect(row('Ticket · quick')).toEqual(['1d', '2h', '10 %', '×3', '0.3 %', '10 d']);
    expect(row('Ticket · slow')).toEqual(['3d', '6h', '10 %', '×1', '0.1 %', '30 d']);
  });
});
