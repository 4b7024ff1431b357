import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECISIONS } from '../exporters/types';
import { approvalOf, approvedOn, standingDecisions } from './approval';
import { DEFAULT_REQUIRED_ROLES, type DecisionRecord } from './types';

const ROLES = [...DEFAULT_REQUIRED_ROLES, 'security'];
const REQUIRED = [...DEFAULT_REQUIRED_ROLES];
const on = (name: string, role: string, decision: DecisionRecord['decision'], date = '2027-01-10'): DecisionRecord => ({ name, role, decision, date });

describe('the approval rule', () => {
  it('approves a version when every required role approved and nobody objects, whatever else was decided (property)', () => {
    // Each person signs once, so their sign-off is their standing decision.
    const person = fc.record({ role: fc.constantFrom(...ROLES), decision: fc.constantFrom(...DECISIONS) });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 12 }), (people) => {
        const records = people.map((p, i) => on(`person ${i}`, p.role, p.decision));
        const everyRoleApproved = REQUIRED.every((role) => records.some((r) => r.role === role && r.decision === 'approve'));
        const nobodyObjects = records.every((r) => r.decision !== 'object');
        return approvalOf(REQUIRED, records).approved === (everyRoleApproved && nobodyObjects);
      }),
      { seed: 12, numRuns: 500 },
    );
  });

  it('names the roles still missing and the objections, and approves once they are resolved', () => {
    const records = [on('Ana', 'engineering', 'approve'), on('Ben', 'product', 'object'), on('Cy', 'business', 'abstain')];
    expect(approvalOf(REQUIRED, records)).toEqual({
      approved: false,
      approvedRoles: ['engineering'],
      missingRoles: ['product', 'business', 'operations'],
      objections: [{ name: 'Ben', role: 'product' }],
      summary: 'not approved: needs an approval from product, business and operations and the objection of Ben (product) resolved',
    });
    const later = [...records, on('Ben', 'product', 'approve', '2027-01-11'), on('Dee', 'business', 'approve'), on('Eve', 'operations', 'approve')];
    expect(approvalOf(REQUIRED, later)).toMatchObject({
      approved: true,
      missingRoles: [],
      objections: [],
      summary: 'approved by engineering, product, business and operations',
    });
  });

  it('lets an abstention neither approve nor block', () => {
    const all = REQUIRED.map((role) => on(`${role} lead`, role, 'approve'));
    expect(approvalOf(REQUIRED, [...all, on('Fay', 'security', 'abstain')]).approved).toBe(true);
    expect(approvalOf(REQUIRED, [...all.slice(1), on('Fay', 'engineering', 'abstain')]).missingRoles).toEqual(['engineering']);
  });

  it('blocks on an objection from a role that is not required', () => {
    const all = REQUIRED.map((role) => on(`${role} lead`, role, 'approve'));
    expect(approvalOf(REQUIRED, [...all, on('Gus', 'security', 'object')])).toMatchObject({ approved: false, objections: [{ name: 'Gus', role: 'security' }] });
  });

  it('counts a person’s latest decision in a role, by date, the same person whatever the spacing and case of their name', () => {
    const records = [on('Ben  Ode', 'product', 'approve', '2027-01-12'), on('ben ode', 'product', 'object', '2027-01-10')];
    expect(standingDecisions(records)).toEqual([records[0]]);
    expect(standingDecisions([on('Ben', 'product', 'object'), on('Ben', 'product', 'approve')])).toEqual([on('Ben', 'product', 'approve')]);
    expect(standingDecisions([on('Ben', 'product', 'object'), on('Ben', 'business', 'approve')])).toHaveLength(2);
  });
});

describe('the day a version became approved', () => {
  it('is the day of the sign-off that completed the approval, not of a later abstention, and null while not approved', () => {
    const records = [
      on('Ana', 'engineering', 'approve', '2027-01-10'),
      on('Ben', 'product', 'approve', '2027-01-12'),
      on('Cy', 'business', 'approve', '2027-01-11'),
      on('Dee', 'operations', 'approve', '2027-01-14'),
      on('Fay', 'security', 'abstain', '2027-02-01'),
    ];
    expect(approvedOn(REQUIRED, records)).toBe('2027-01-14');
    expect(approvedOn(REQUIRED, records.slice(0, 3))).toBeNull();
    expect(approvedOn(REQUIRED, [...records, on('Gus', 'security', 'object', '2027-02-02')])).toBeNull();
  });

  it('moves to the day an objection was withdrawn', () => {
    const all = REQUIRED.map((role) => on(`${role} lead`, role, 'approve', '2027-01-10'));
    const records = [...all, on('Gus', 'security', 'object', '2027-01-11'), on('Gus', 'security', 'approve', '2027-01-20')];
    expect(approvedOn(REQUIRED, records)).toBe('2027-01-20');
  });
});
