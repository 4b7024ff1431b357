import { z } from 'zod';
import type { AlertWindowSet } from '../../budget/alerts';
import type { Service } from '../../domain/types';
import { EVERY_HOST, id, none, returns, type ChannelSpec } from './fields';

/** Longest redundancy-group name. */
const groupName = z.string().trim().min(1, 'A redundancy group needs a name').max(60, 'A redundancy group name must be at most 60 characters');

/** Boundary schema of an error-budget policy; its rules are checked by checkPolicy in the core. */
export const policySchema = z
  .object({
    warningBelowPercent: z.number(),
    criticalBelowPercent: z.number(),
    warningBurnRate: z.number(),
    criticalBurnRate: z.number(),
    actions: z.object({ healthy: z.string(), warning: z.string(), critical: z.string(), exhausted: z.string() }).strict(),
  })
  .strict();

const alertWindowSchema = z.object({ budgetPercent: z.number(), shortMinutes: z.number(), longMinutes: z.number() }).strict();

/** Boundary schema of an alert window set; its rules are checked by checkAlertSet in the core. */
export const alertSetSchema = z
  .object({
    name: z.string().max(100),
    periodMinutes: z.number(),
    page: z.object({ quick: alertWindowSchema, slow: alertWindowSchema }).strict(),
    ticket: z.object({ quick: alertWindowSchema, slow: alertWindowSchema }).strict(),
  })
  .strict();

/** The alert window sets a workspace offers: the built-in ones and the team's own (with ids). */
export type AlertSetList = { builtIn: AlertWindowSet[]; custom: (AlertWindowSet & { id: number })[] };

/** A service's traffic, budget policy and dependencies, and the alert window sets. */
export const reliabilityChannels = {
  'service/set-traffic': {
    args: z
      .object({
        serviceId: id,
        requestsPerDay: z
          .number()
          .min(0, 'Traffic must not be negative')
          .max(1e15, 'Traffic must be at most 10^15 requests per day')
          .refine(Number.isFinite, 'Traffic must be a number')
          .nullable(),
      })
      .strict(),
    result: returns<Service>(),
    hosts: EVERY_HOST,
  },
  'service/set-policy': { args: z.object({ serviceId: id, policy: policySchema.nullable() }).strict(), result: returns<Service>(), hosts: EVERY_HOST },
  'dependency/add': {
    args: z.object({ serviceId: id, dependsOnId: id, redundancyGroup: groupName.nullable().default(null) }).strict(),
    result: returns<Service>(),
    hosts: EVERY_HOST,
  },
  'dependency/remove': { args: z.object({ serviceId: id, dependsOnId: id }).strict(), result: returns<Service>(), hosts: EVERY_HOST },
  'alerts/list-sets': { args: none, result: returns<AlertSetList>(), hosts: EVERY_HOST },
  'alerts/save-set': { args: z.object({ id: id.optional(), set: alertSetSchema }).strict(), result: returns<AlertSetList>(), hosts: EVERY_HOST },
  'alerts/delete-set': { args: z.object({ id }).strict(), result: returns<AlertSetList>(), hosts: EVERY_HOST },
} as const satisfies Record<string, ChannelSpec>;
