// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeReview } from '../../test/fake-review';
import { checkout, paymentsApi } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ReviewView } from './ReviewView';

/** The Review screen of checkout (SLA 99.5 %, SLO 99.9 %, target 99.95 %), with what `setup` put in its review first. */
async function review(setup?: (r: FakeReview, services: ReturnType<typeof checkout>[]) => void) {
  let fake: FakeReview | null = null;
  const rendered = await renderScreen(<ReviewView />, { services: [checkout(), paymentsApi()] }, (core, workspace) => {
    fake = new FakeReview(core, workspace);
    setup?.(fake, workspace.services);
  });
  await screen.findByTestId('review-versions');
  return { ...rendered, fake: fake! };
}

// jsdom has no CSS.escape, which user-event uses to find a radio's group when arrow keys walk it.
const escape = (text: string) => text.replace(/["\\]/g, '\\$&');
if (typeof window.CSS?.escape !== 'function') Object.assign(window, { CSS: { ...window.CSS, escape } });

const sloOf = (services: ReturnType<typeof checkout>[]) => services[0]!.slis[0]!.objectives.slo!;

/** Fills and sends the sign-off form. */
async function signOff(user: Awaited<ReturnType<typeof review>>['user'], name: string, role: string, decision = 'Approve', rationale = '') {
  await user.type(screen.getByRole('textbox', { name: 'Name' }), name);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), role);
  await user.click(screen.getByRole('radio', { name: decision }));
  if (rationale) await user.type(screen.getByRole('textbox', { name: 'Rationale' }), rationale);
  await user.click(screen.getByRole('button', { name: 'Record sign-off' }));
}

describe('the versions of a service on the Review screen', () => {
  it('lists each version with its state, rationale, day proposed and who signed, then the draft and what it changed', async () => {
    await review((r, services) => {
      r.propose(1, 'First cut from the workshop', Date.UTC(2026, 10, 2));
      sloOf(services).targetPpm = 999_500;
    });
    const row = screen.getByTestId('review-version-1');
    expect(within(row).getByRole('button', { name: 'Version 1', pressed: true })).toBeTruthy();
    expect(screen.getByTestId('review-version-1-state').textContent).toBe('proposed');
    expect(row.textContent).toContain('First cut from the workshop');
    expect(row.textContent).toContain('2026-11-02');
    expect(screen.getByTestId('review-version-1-signed').textContent).toBe('—');
    expect(screen.getByTestId('review-version-draft').textContent).toContain('The current draft is changed since version 1 (1 change)');
    expect(screen.getByRole('button', { name: 'Propose this draft as version 2' })).toBeTruthy();
  });

  it('proposes the draft as version 2 with its rationale once the confirmation, which says a version cannot be changed, is accepted', async () => {
    const { user, core } = await review((r, services) => {
      r.propose(1, 'First cut');
      sloOf(services).targetPpm = 999_500;
    });
    await user.type(screen.getByRole('textbox', { name: 'Rationale for version 2' }), 'Checkout needs 99.95 % after the outage');
    await user.click(screen.getByRole('button', { name: 'Propose this draft as version 2' }));
    const dialog = screen.getByRole('dialog', { name: 'Propose version 2 of checkout' });
    expect(dialog.textContent).toContain('A proposed version cannot be changed: later edits start a new draft.');
    expect(core.callsTo('proposal/create')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Propose version 2' }));
    expect(core.callsTo('proposal/create')).toEqual([{ serviceId: 1, rationale: 'Checkout needs 99.95 % after the outage' }]);
    await waitFor(() => expect(screen.getByTestId('review-version-2-state').textContent).toBe('proposed'));
    expect(screen.getByRole('button', { name: 'Version 2', pressed: true })).toBeTruthy();
    expect(screen.getByTestId('review-version-draft').textContent).toContain('The current draft matches version 2');
    expect((screen.getByRole('button', { name: 'Propose this draft as version 3' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Rationale for version 3' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('cancels a proposal from the keyboard: Escape closes the confirmation and nothing is sent', async () => {
    const { user, core } = await review();
    screen.getByRole('button', { name: 'Propose this draft as version 1' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog', { name: 'Propose version 1 of checkout' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(core.callsTo('proposal/create')).toEqual([]);
  });

  it('shows the core’s refusal under the form, in its words', async () => {
    const { user, core } = await review();
    core.refuse('proposal/create', 'INVALID_ARGUMENT', 'checkout has no tier set on any SLI: set an SLA, SLO or performance target before proposing it');
    await user.click(screen.getByRole('button', { name: 'Propose this draft as version 1' }));
    await user.click(screen.getByRole('button', { name: 'Propose version 1' }));
    expect((await screen.findByTestId('propose-error')).textContent).toBe(
      'checkout has no tier set on any SLI: set an SLA, SLO or performance target before proposing it',
    );
  });
});

describe('signing off a version by role', () => {
  it('lists every required role, then approves version 1 as the four roles approve it', async () => {
    const { user, core } = await review((r) => r.propose(1, 'Chatbot plan'));
    const panel = screen.getByTestId('review-signoff');
    expect(
      within(panel)
        .getAllByTestId('signoff-missing')
        .map((r) => r.querySelector('th')?.textContent),
    ).toEqual(['engineering', 'product', 'business', 'operations']);
    expect(screen.getByTestId('review-approval').textContent).toBe('Waiting for engineering, product, business and operations');

    await signOff(user, 'Ana Ruiz', 'engineering', 'Approve', 'The latency budget fits our deploys');
    expect(core.callsTo('signoff/add')).toEqual([
      { serviceId: 1, version: 1, name: 'Ana Ruiz', role: 'engineering', decision: 'approve', rationale: 'The latency budget fits our deploys', date: null },
    ]);
    await waitFor(() => expect(screen.getByTestId('review-approval').textContent).toBe('Waiting for product, business and operations'));
    const first = within(panel).getAllByTestId('signoff-row')[0]!;
    expect([...first.children].map((c) => c.textContent)).toEqual(['engineering', 'Ana Ruiz', 'Approve', 'The latency budget fits our deploys', '2026-12-07']);
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('');

    await signOff(user, 'Bo Chen', 'product');
    await waitFor(() => expect(screen.getByTestId('review-approval').textContent).toBe('Waiting for business and operations'));
    await signOff(user, 'Cy Diaz', 'business');
    await signOff(user, 'Dee Park', 'operations');
    await waitFor(() => expect(screen.getByTestId('review-approval').textContent).toBe('Approved: all 4 roles approved, nobody objects'));
    expect(screen.getByTestId('review-version-1-state').textContent).toBe('approved');
    expect(screen.getByTestId('review-version-1-signed').textContent).toBe(
      'Ana Ruiz (engineering): approve, Bo Chen (product): approve, Cy Diaz (business): approve, Dee Park (operations): approve',
    );
    expect(screen.getByTestId('review-draft').textContent).toContain('version 1 is the approved one');
  });

  it('names whoever objects, and marks a decision replaced by the same person’s later one', async () => {
    const { user } = await review((r) => r.propose(1, 'Plan'));
    await signOff(user, 'Cy Diaz', 'business', 'Object', 'Too strict for the SLA');
    await waitFor(() =>
      expect(screen.getByTestId('review-approval').textContent).toBe('Waiting for engineering, product, business and operations; Cy Diaz (business) objects'),
    );
    await signOff(user, 'Cy Diaz', 'business', 'Approve');
    await waitFor(() => expect(screen.getByTestId('review-approval').textContent).toBe('Waiting for engineering, product and operations'));
    const rows = screen.getAllByTestId('signoff-row');
    expect(rows.map((r) => r.className)).toEqual(['superseded', '']);
    expect(rows[0]!.textContent).toContain('Object (replaced by a later decision)');
  });

  it('records a sign-off in a role of its own, typed after choosing another role, and a day of its own', async () => {
    const { user, core } = await review((r) => r.propose(1, 'Plan'));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Eve Stone');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'another role…');
    await user.type(screen.getByRole('textbox', { name: 'Other role' }), 'Legal');
    await user.click(screen.getByRole('radio', { name: 'Abstain' }));
    await user.type(screen.getByLabelText('Date (empty: today)'), '2026-12-06');
    await user.click(screen.getByRole('button', { name: 'Record sign-off' }));
    expect(core.callsTo('signoff/add')[0]).toMatchObject({ role: 'Legal', decision: 'abstain', date: '2026-12-06' });
    // The contract writes a role as stored: lower case.
    await waitFor(() => expect(screen.getAllByTestId('signoff-row')).toHaveLength(1));
    expect([...screen.getAllByTestId('signoff-row')[0]!.children].map((c) => c.textContent)).toEqual(['legal', 'Eve Stone', 'Abstain', '—', '2026-12-06']);
  });

  it('shows a refused sign-off’s reason, naming the day', async () => {
    const { user } = await review((r) => r.propose(1, 'Plan'));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ana');
    await user.type(screen.getByLabelText('Date (empty: today)'), '2026-12-09');
    await user.click(screen.getByRole('button', { name: 'Record sign-off' }));
    expect((await screen.findByTestId('signoff-error')).textContent).toBe('A sign-off cannot be dated 2026-12-09, after today (2026-12-07)');
  });

  it('records a sign-off with the keyboard alone: every field reached by Tab in order, arrows choose the decision, Enter sends it', async () => {
    const { user, core } = await review((r) => r.propose(1, 'Plan'));
    screen.getByRole('textbox', { name: 'Name' }).focus();
    await user.keyboard('Bo');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Role' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Approve' }));
    await user.keyboard('{ArrowRight}');
    expect((screen.getByRole('radio', { name: 'Object' }) as HTMLInputElement).checked).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Date (empty: today)'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Rationale' }));
    await user.keyboard('Not at 150 ms');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Record sign-off' }));
    await user.keyboard('{Enter}');
    expect(core.callsTo('signoff/add')).toEqual([
      { serviceId: 1, version: 1, name: 'Bo', role: 'engineering', decision: 'object', rationale: 'Not at 150 ms', date: null },
    ]);
  });
});

describe('comments, the diff, review dates and the required roles', () => {
  it('adds a comment to the shown version and lists it with its author', async () => {
    const { user, core } = await review((r) => r.propose(1, 'Plan'));
    expect(screen.getByTestId('review-comments').textContent).toContain('No comment yet.');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Bo Chen');
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Can we live with 150 ms at peak?');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));
    expect(core.callsTo('comment/add')).toEqual([{ serviceId: 1, version: 1, author: 'Bo Chen', text: 'Can we live with 150 ms at peak?' }]);
    const comment = await screen.findByTestId('review-comment');
    expect(comment.textContent).toBe('Bo Chen, 2026-12-07 09:30 UTCCan we live with 150 ms at peak?');
    expect((screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('shows every change between two versions with its historical impact, and compares the draft when asked', async () => {
    const { user, core, fake, workspace } = await review((r, services) => {
      r.propose(1, 'Plan');
      sloOf(services).targetPpm = 999_500;
      r.propose(1, 'Stricter');
      r.impact = [
        {
          where: 'checkout / availability',
          tier: 'slo',
          old: { weeks: 13, met: 11 },
          new: { weeks: 13, met: 9 },
          text: 'last quarter: SLO of checkout / availability met in 11 of 13 weeks under the old target (99.9 %), 9 of 13 under the new (99.95 %)',
        },
      ];
    });
    const panel = screen.getByTestId('review-diff');
    await waitFor(() => expect(within(panel).getByRole('heading', { level: 3, name: '1 change from version 1 to version 2' })).toBeTruthy());
    expect(core.callsTo('proposal/diff').at(-1)).toEqual({ serviceId: 1, from: 1, to: 2 });
    expect(within(panel).getByTestId('diff-changes').textContent).toBe('SLO of checkout / availability: 99.9 % → 99.95 %');
    expect(within(panel).getByTestId('diff-impact').textContent).toBe(fake.impact[0]!.text);

    workspace.services[0]!.slis[0]!.objectives.sla!.targetPpm = 990_000;
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'From' }), 'version 2');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'To' }), 'the current draft');
    expect(core.callsTo('proposal/diff').at(-1)).toEqual({ serviceId: 1, from: 2, to: null });
    await waitFor(() => expect(within(panel).getByTestId('diff-changes').textContent).toBe('SLA of checkout / availability: 99.5 % → 99 %'));
  });

  it('shows the next review of each tier, counted from the proposal, and sets a period of 6 months for the SLO', async () => {
    const { user, core } = await review((r) => r.propose(1, 'Plan'));
    expect(screen.getByTestId('review-slo-next').textContent).toBe('2027-12-07 (in 365 days)counted from its proposal on 2026-12-07');
    expect(screen.getByTestId('review-target-next').textContent).toContain('2027-03-07 (in 90 days)');
    const months = screen.getByRole('spinbutton', { name: 'Review the SLO every (months)' });
    expect((months as HTMLInputElement).value).toBe('12');
    await user.clear(months);
    await user.type(months, '6');
    await user.click(screen.getByTestId('review-slo-set'));
    expect(core.callsTo('review/set-period')).toEqual([{ serviceId: 1, tier: 'slo', months: 6 }]);
    await waitFor(() => expect(screen.getByTestId('review-slo-next').textContent).toContain('2027-06-07 (in 182 days)'));
    await user.click(screen.getByRole('button', { name: 'Review the SLO at the default 12 months' }));
    expect(core.callsTo('review/set-period').at(-1)).toEqual({ serviceId: 1, tier: 'slo', months: null });
    await waitFor(() => expect(screen.getByTestId('review-slo-next').textContent).toContain('2027-12-07'));
  });

  it('flags the reviews that fell overdue', async () => {
    await review((r) => r.propose(1, 'Plan', Date.UTC(2025, 0, 10)));
    expect(screen.getByTestId('review-target-next').textContent).toContain('2025-04-10 (overdue by 606 days)');
    expect(screen.getByTestId('review-slo').className).toBe('overdue');
    expect(screen.getByTestId('review-dates-text').textContent).toBe('⚠ checkout: review overdue');
  });

  it('sets the roles that must approve, and the sign-off table follows', async () => {
    const { user, core } = await review((r) => r.propose(1, 'Plan'));
    const roles = screen.getByRole('textbox', { name: 'Required roles (separated by commas)' });
    expect((roles as HTMLInputElement).value).toBe('engineering, product, business, operations');
    await user.clear(roles);
    await user.type(roles, 'engineering, security');
    await user.click(screen.getByRole('button', { name: 'Save roles' }));
    expect(core.callsTo('roles/set')).toEqual([{ roles: ['engineering', 'security'] }]);
    await waitFor(() => expect(screen.getByTestId('review-approval').textContent).toBe('Waiting for engineering and security'));
    expect(screen.getAllByRole('option', { name: 'security' })).toHaveLength(1);
  });

  it('follows the service picked in its bar, showing that service’s own versions', async () => {
    const { user } = await review((r) => {
      r.propose(1, 'Plan');
      r.propose(2, 'Payments plan');
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'payments-api');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Versions of payments-api' })).toBeTruthy());
    expect(screen.getByTestId('review-version-1').textContent).toContain('Payments plan');
  });
});
