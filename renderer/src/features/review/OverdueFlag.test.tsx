// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeReview } from '../../test/fake-review';
import { checkout, paymentsApi } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ServiceList } from '../services/ServiceList';

describe('the overdue flag on the services list', () => {
  it('flags a service whose review date has passed, and only that one, naming what is overdue in its title', async () => {
    let fake: FakeReview | null = null;
    const { core } = await renderScreen(<ServiceList />, { services: [checkout(), paymentsApi()] }, (c, workspace) => {
      fake = new FakeReview(c, workspace);
      fake.propose(1, 'Plan', Date.UTC(2025, 0, 10));
      fake.propose(2, 'Plan');
    });
    const list = screen.getByTestId('service-list');
    await waitFor(() => expect(within(list).getAllByTestId('review-overdue')).toHaveLength(1));
    const checkoutItem = within(list).getByRole('button', { name: /checkout/ });
    expect(within(checkoutItem).getByTestId('review-overdue').textContent).toBe('Review overdue');
    expect(within(checkoutItem).getByTestId('review-overdue').getAttribute('title')).toBe('checkout: review overdue');
    expect(within(within(list).getByRole('button', { name: /payments-api/ })).queryByTestId('review-overdue')).toBeNull();
    expect(core.callsTo('review/status')[0]).toEqual({});
  });

  it('drops the flag when another window’s review change makes the service current again', async () => {
    let fake: FakeReview | null = null;
    const { core } = await renderScreen(<ServiceList />, { services: [checkout()] }, (c, workspace) => {
      fake = new FakeReview(c, workspace);
      fake.propose(1, 'Plan', Date.UTC(2025, 0, 10));
    });
    await screen.findByTestId('review-overdue');
    fake!.periods.set('1:sla', 60);
    fake!.periods.set('1:slo', 60);
    fake!.periods.set('1:target', 60);
    core.emit('review-changed', { serviceId: 1 });
    await waitFor(() => expect(screen.queryByTestId('review-overdue')).toBeNull());
  });

  it('shows no flag when the core cannot say (no review channel answers), and no error either', async () => {
    await renderScreen(<ServiceList />, { services: [checkout()] });
    await screen.findByText('checkout');
    expect(screen.queryByTestId('review-overdue')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
