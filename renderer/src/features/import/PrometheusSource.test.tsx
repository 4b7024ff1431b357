// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { localTimeZone } from './import-model';
import { ImportWizard } from './ImportWizard';

const zone = localTimeZone();
const local = (text: string) => DateTime.fromISO(text, { zone }).toMillis();

async function prometheus() {
  const rendered = await renderScreen(
    <ImportWizard sliId={11} sliName="availability" sliKind="availability" serviceName="checkout" onClose={() => undefined} onImported={() => undefined} />,
    { services: [checkout()] },
    (core) => {
      // A Prometheus that answers every step of the range.
      core.answer('import/prometheus', (a) => {
        const points = Math.floor((a.endMs - a.startMs) / (a.stepSeconds * 1000)) + 1;
        const series = [{ name: 'availability', points, stepMs: a.stepSeconds * 1000, startMs: a.startMs, endMs: a.endMs }];
        return { status: 'stored', importId: 1, fileName: a.url, format: 'prometheus-api', accepted: points, rejected: 0, merged: 0, series, issues: [] };
      });
    },
  );
  await rendered.user.click(screen.getByRole('radio', { name: /^A live Prometheus/ }));
  const form = within(screen.getByRole('form', { name: 'Prometheus query' }));
  return { ...rendered, form };
}
/** Text for user.type, which reads { and [ as keys unless doubled. */
const literal = (text: string) => text.replace(/[{[]/g, (c) => c + c);
const setTime = (form: ReturnType<typeof within>, label: 'From' | 'To', value: string) => fireEvent.change(form.getByLabelText(label), { target: { value } });

describe('importing from a live Prometheus', () => {
  it('starts from a local server and the last 30 days at a 1-minute step, and says how the range is fetched', async () => {
    const { form, user } = await prometheus();
    expect(form.getByRole('textbox', { name: 'Prometheus address' })).toHaveProperty('value', 'http://localhost:9090');
    expect(form.getByText(/^That is 43,201 points per series\./).textContent).toBe(
      'That is 43,201 points per series. Prometheus answers at most 11,000 points per query, so the range is fetched in 5 pieces (10 requests) and joined without overlaps.',
    );
    await user.selectOptions(form.getByRole('combobox', { name: 'Step' }), '5 min');
    expect(form.getByText(/^That is 8,641 points per series\./).textContent).toBe(
      'That is 8,641 points per series. It fits in one request per query (Prometheus answers at most 11,000 points per query).',
    );
    expect(form.getByText(`Times are in your time zone, ${zone}.`, { exact: false })).toBeTruthy();
  });

  it('names every field that is missing or wrong, and sends nothing', async () => {
    const { form, user, core } = await prometheus();
    await user.clear(form.getByRole('textbox', { name: 'Prometheus address' }));
    await user.type(form.getByRole('textbox', { name: 'Prometheus address' }), 'localhost:9090');
    setTime(form, 'From', '2026-11-02T00:00');
    setTime(form, 'To', '2026-11-01T00:00');
    await user.click(form.getByRole('button', { name: 'Import from Prometheus' }));
    expect(form.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'The Prometheus address is a URL such as http://localhost:9090.',
      'Give the PromQL that counts good events, e.g. sum(rate(http_requests_total{code!~"5.."}[5m])).',
      'Give the PromQL that counts all events, e.g. sum(rate(http_requests_total[5m])).',
      'The end must be after the start.',
    ]);
    expect(core.callsTo('import/prometheus')).toEqual([]);
  });

  it('refuses a range with more points than one import may hold', async () => {
    const { form, user } = await prometheus();
    setTime(form, 'From', '2024-11-01T00:00');
    setTime(form, 'To', '2026-11-01T00:00');
    await user.selectOptions(form.getByRole('combobox', { name: 'Step' }), '15 s');
    expect(form.getByText(/^That is 4,204,801 points/).textContent).toBe(
      'That is 4,204,801 points, more than the 3,000,000 one import may hold: choose a longer step or a shorter range.',
    );
  });

  it('imports good and all events over the chosen range and step, and reports the rows stored', async () => {
    const { form, user, core } = await prometheus();
    await user.type(form.getByRole('textbox', { name: 'Good events (PromQL)' }), literal('  sum(rate(http_requests_total{code!~"5.."}[5m]))  '));
    await user.type(form.getByRole('textbox', { name: 'All events (PromQL)' }), literal('sum(rate(http_requests_total[5m]))'));
    setTime(form, 'From', '2026-11-01T00:00');
    setTime(form, 'To', '2026-11-02T00:00');
    await user.selectOptions(form.getByRole('combobox', { name: 'Step' }), '5 min');
    await user.click(form.getByRole('button', { name: 'Import from Prometheus' }));
    const result = await screen.findByTestId('import-result');
    expect(within(result).getByRole('status').textContent).toBe('Stored 289 rows from http://localhost:9090 (Live Prometheus).');
    expect(core.callsTo('import/prometheus')).toEqual([
      expect.objectContaining({
        sliId: 11,
        url: 'http://localhost:9090',
        query: { kind: 'good-total', good: 'sum(rate(http_requests_total{code!~"5.."}[5m]))', total: 'sum(rate(http_requests_total[5m]))' },
        startMs: local('2026-11-01T00:00'),
        endMs: local('2026-11-02T00:00'),
        stepSeconds: 300,
        onBadRows: 'abort',
      }),
    ]);
    // A stored import offers only Close: there is nothing to go back and fix.
    expect(
      within(result)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Close']);
  });

  it('imports an error ratio with a single query', async () => {
    const { form, user, core } = await prometheus();
    await user.click(form.getByRole('radio', { name: /^An error ratio/ }));
    expect(form.queryByRole('textbox', { name: 'Good events (PromQL)' })).toBeNull();
    await user.type(form.getByRole('textbox', { name: 'Error ratio (PromQL)' }), 'job:slo_errors_per_request:ratio_rate5m');
    await user.selectOptions(form.getByRole('combobox', { name: 'Step' }), '1 h');
    await user.click(form.getByRole('button', { name: 'Import from Prometheus' }));
    await screen.findByTestId('import-result');
    expect(core.callsTo('import/prometheus')[0]?.query).toEqual({ kind: 'error-ratio', errorRatio: 'job:slo_errors_per_request:ratio_rate5m' });
  });
});
