// The context part of a service's review: its error-budget policy, the ceiling its dependencies allow, what its
// history says, and what the last what-if runs found.
import { formatMinutes } from '../../budget/budget';
import { formatRatePercent } from '../../budget/downtime';
import { ceilingFormula, describeFactor, formatAvailability, groupFormula, ignoredDependencyText, assessFeasibility } from '../../budget/feasibility';
import { DEFAULT_POLICY, describeState, POLICY_STATES, STATE_LABELS } from '../../budget/policy';
import { TIER_LABELS, type Service } from '../../domain/types';
import { utcText } from '../../domain/utc-text';
import { targetText } from '../../review/describe';
import { CAUSE_LABELS } from '../../simulation/result';
import type { ExportedService } from '../types';
import type { Block } from './model';

/** The policy: each state, when it holds, and what the team does in it. */
export function policyBlocks(service: Service): Block[] {
  const policy = service.policy ?? DEFAULT_POLICY;
  return [
    { kind: 'heading', level: 2, text: 'Error-budget policy' },
    ...(service.policy === null ? [{ kind: 'paragraph', text: 'The service has no policy of its own: the default policy applies.' } as const] : []),
    {
      kind: 'table',
      columns: [
        { title: 'State', weight: 1 },
        { title: 'When', weight: 2 },
        { title: 'What the team does', weight: 5 },
      ],
      rows: POLICY_STATES.map((state) => [STATE_LABELS[state], describeState(policy, state), policy.actions[state]]),
    },
  ];
}

/** The availability its dependencies allow, judged against its own availability SLO. */
export function ceilingBlocks(service: Service, byId: ReadonlyMap<number, Service>): Block[] {
  const head: Block = { kind: 'heading', level: 2, text: 'Dependency ceiling' };
  if (service.dependencies.length === 0) return [head, { kind: 'paragraph', text: `${service.name} depends on no other service.` }];
  const f = assessFeasibility(service, byId);
  const items = f.ceiling.factors.map((factor) =>
    factor.kind === 'group' ? `${describeFactor(factor, byId)}: ${groupFormula(factor)}` : describeFactor(factor, byId),
  );
  for (const id of f.ceiling.unknown) items.push(ignoredDependencyText(byId.get(id)?.name ?? `#${id}`));
  const formula = ceilingFormula(f.ceiling);
  const own = f.sloPpm === null ? 'It has no availability SLO to compare with.' : `Its availability SLO is ${targetText(f.sloPpm)}.`;
  const ceiling =
    f.ceiling.ceiling === null
      ? `No dependency promises an availability SLO, so the ceiling is unknown. ${own}`
      : `What its dependencies allow: ${formula ?? formatAvailability(f.ceiling.ceiling)}. ${own}`;
  return [head, { kind: 'paragraph', text: ceiling }, { kind: 'list', items }, ...(f.warning ? [{ kind: 'banner', text: f.warning } as const] : [])];
}

const ratioText = (ratio: number) => `${formatRatePercent(ratio)} %`;

/** Each SLI's history: where it came from, what it achieved, and the weeks each tier was met. */
export function historyBlocks(exported: ExportedService): Block[] {
  const summaries = exported.history ?? [];
  if (summaries.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'What the history says' }];
  for (const h of summaries) {
    const sli = exported.service.slis.find((s) => s.id === h.sliId)?.name ?? `SLI #${h.sliId}`;
    blocks.push({ kind: 'heading', level: 3, text: sli });
    const achieved = h.achieved === null ? 'no traffic to judge' : `achieved ${ratioText(h.achieved)} overall`;
    const recommended = h.recommendedSloPpm === null ? '' : `; the history supports an SLO of ${targetText(h.recommendedSloPpm)}`;
    blocks.push({ kind: 'paragraph', text: `${h.source}, ${h.fromDay} to ${h.toDay}: ${achieved}${recommended}.` });
    if (h.tiers.length > 0) {
      blocks.push({
        kind: 'table',
        columns: [
          { title: 'Tier', weight: 2 },
          { title: 'Target', weight: 1, align: 'right' },
          { title: 'Complete weeks met', weight: 2, align: 'right' },
        ],
        rows: h.tiers.map((t) => [TIER_LABELS[t.tier], targetText(t.targetPpm), `${t.met} of ${t.weeks}`]),
      });
    }
    if (h.note !== null) blocks.push({ kind: 'banner', text: h.note });
  }
  return blocks;
}

const percentText = (fraction: number) => `${formatRatePercent(Math.max(0, fraction))} %`;
const countText = (n: number) => String(Math.round(n * 10) / 10);

/** Each scenario's last run: per tier the chance of a breach, the budget spent, what spent most and the alerts raised. */
export function whatIfBlocks(exported: ExportedService): Block[] {
  const runs = exported.whatif ?? [];
  if (runs.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'What-if results' }];
  for (const { sliId, scenario, result } of runs) {
    const sli = exported.service.slis.find((s) => s.id === sliId)?.name ?? `SLI #${sliId}`;
    blocks.push({ kind: 'heading', level: 3, text: `${sli}: ${scenario}` });
    blocks.push({ kind: 'paragraph', text: `${result.trials} trials from seed ${result.seed}, windows starting ${utcText(result.startMs, 'day')}.` });
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Tier', weight: 1.3 },
        { title: 'Window', weight: 1.3 },
        { title: 'Chance of breach (95 % interval)', weight: 2, align: 'right' },
        { title: 'Budget spent (P50 / P90)', weight: 1.3, align: 'right' },
        { title: 'Spent most', weight: 1.2 },
        { title: 'Pages / tickets', weight: 1, align: 'right' },
      ],
      rows: result.tiers.map((t) => [
        `${TIER_LABELS[t.tier]} ${targetText(t.targetPpm)}`,
        `${t.windowLabel} (budget ${formatMinutes(t.budgetMinutes)})`,
        `${percentText(t.breach.probability)} (${percentText(t.breach.low)}–${percentText(t.breach.high)})`,
        `${percentText(t.spent.p50)} / ${percentText(t.spent.p90)}`,
        t.topCause === null ? 'nothing' : CAUSE_LABELS[t.topCause],
        `${countText(t.alerts.pages.mean)} / ${countText(t.alerts.tickets.mean)}`,
      ]),
    });
    if (result.policy) {
      const p = result.policy;
      blocks.push({
        kind: 'paragraph',
        text: `Policy: deploys frozen ${countText(p.freezeDays.mean)} days a window on average (from ${STATE_LABELS[p.freezeAt].toLowerCase()}); ${countText(p.deploysHeld)} of ${countText(p.deploys + p.deploysHeld)} deploys held back.`,
      });
    }
    if (result.notes.length > 0) blocks.push({ kind: 'list', items: result.notes });
  }
  return blocks;
}
