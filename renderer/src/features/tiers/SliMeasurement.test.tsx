// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkout } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ServicePanel } from '../services/ServicePanel';

const card = (name: string) => within(screen.getByRole('region', { name: `SLI ${name}` }));
const GOOD = 'sum(rate(http_requests_total{code!~"5.."}[{{.window}}]))';
const TOTAL = 'sum(rate(http_requests_total[{{.window}}]))';

describe('what an SLI measures, in the tier editor', () => {
  it('says what the SLI divides and that it has no queries yet', async () => {
    await renderScreen(<ServicePanel />, { services: [checkout()] });
    expect(screen.getByTestId('measured-availability').textContent).toBe('Measures successful requests of all requests · no Prometheus queries yet');
  });

  it('saves good and total queries as one edit, refusing first a total query without {{.window}}', async () => {
    const { user, core } = await renderScreen(<ServicePanel />, { services: [checkout()] });
    await user.click(card('availability').getByRole('button', { name: 'Edit what it measures' }));
    await user.selectOptions(screen.getByTestId('query-form'), 'good-total');
    await user.type(
      screen.getByTestId('query-first'),
      GOOD.replace(/[{[]/g, (c) => c + c),
    );
    await user.type(screen.getByTestId('query-total'), 'sum(rate(http_requests_total[5m]))');
    await user.click(screen.getByTestId('save-measured'));
    expect(screen.getByTestId('query-total-error').textContent).toContain('The total query must use {{.window}}');
    expect(core.callsTo('sli/update')).toEqual([]);
    await user.clear(screen.getByTestId('query-total'));
    await user.type(
      screen.getByTestId('query-total'),
      TOTAL.replace(/[{[]/g, (c) => c + c),
    );
    await user.click(screen.getByTestId('save-measured'));
    await waitFor(() => expect(core.callsTo('sli/update')).toEqual([{ sliId: 11, wording: null, queries: { form: 'good-total', good: GOOD, total: TOTAL } }]));
    expect(screen.getByTestId('measured-availability').textContent).toContain('Prometheus: good and total events');
  });

  it('gives a latency SLI its histogram and bucket', async () => {
    const { user, core } = await renderScreen(<ServicePanel />, { services: [checkout()] });
    await user.click(card('latency').getByRole('button', { name: 'Edit what it measures' }));
    await user.type(screen.getByTestId('histogram-metric'), 'http_request_duration_seconds_bucket');
    await user.type(screen.getByTestId('histogram-le'), '0.3');
    await user.click(screen.getByTestId('save-measured'));
    await waitFor(() => expect(core.callsTo('sli/update')[0]).toMatchObject({ histogram: { metric: 'http_request_duration_seconds', le: '0.3' } }));
    expect(screen.getByTestId('measured-latency').textContent).toContain('histogram http_request_duration_seconds_bucket{le="0.3"}');
  });
});
