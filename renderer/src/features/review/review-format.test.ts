import { describe, expect, it } from 'vitest';
import { approvalOf } from '#shared/review/approval';
import { reviewSchedule } from '#shared/review/cadence';
import { approvalWords, dueWords } from './review-format';

const ROLES = ['engineering', 'product', 'business', 'operations'];
const approve = (name: string, role: string) => ({ name, role, decision: 'approve' as const, date: '2026-12-07' });

describe('the approval in plain words', () => {
  it('says a version every role approved is approved, with how many roles', () => {
    const approval = approvalOf(
      ROLES,
      ROLES.map((r, i) => approve(`P${i}`, r)),
    );
    expect(approvalWords(approval, ROLES)).toBe('Approved: all 4 roles approved, nobody objects');
    expect(approvalWords(approvalOf(['engineering'], [approve('Ana', 'engineering')]), ['engineering'])).toBe('Approved: engineering approved, nobody objects');
  });

  it('names the roles it waits for and whoever objects', () => {
    expect(approvalWords(approvalOf(ROLES, [approve('Ana', 'engineering'), approve('Dee', 'operations')]), ROLES)).toBe('Waiting for product and business');
    const objected = approvalOf(ROLES, [...ROLES.map((r, i) => approve(`P${i}`, r)), { name: 'Cy', role: 'legal', decision: 'object', date: '2026-12-07' }]);
    expect(approvalWords(objected, ROLES)).toBe('Cy (legal) objects');
    const two = approvalOf(ROLES, [
      { name: 'Cy', role: 'business', decision: 'object', date: '2026-12-07' },
      { name: 'Bo', role: 'product', decision: 'object', date: '2026-12-07' },
    ]);
    expect(approvalWords(two, ROLES)).toBe('Waiting for engineering, product, business and operations; Cy (business) and Bo (product) object');
  });
});

describe('when a review is due', () => {
  const schedule = (today: string) =>
    reviewSchedule({ serviceName: 'chatbot', tiers: ['slo', 'target'], months: {}, fromDay: '2026-12-07', from: 'approval', today });

  it('counts the days left, says today on the day, and the days late once it passed', () => {
    expect(schedule('2026-12-07').map((r) => dueWords(r, '2026-12-07'))).toEqual(['in 365 days', 'in 90 days']);
    expect(dueWords(schedule('2027-03-07')[1]!, '2027-03-07')).toBe('due today');
    expect(dueWords(schedule('2027-03-08')[1]!, '2027-03-08')).toBe('overdue by 1 day');
    expect(dueWords(schedule('2027-03-08')[0]!, '2027-03-08')).toBe('in 274 days');
  });
});
