import { ALERT_KEYS } from '../budget/alerts';
import { DEFAULT_POLICY, POLICY_STATES, type BudgetPolicy } from '../budget/policy';
import { TIER_LABELS, TIERS, type Service, type Sli, type Tier } from '../domain/types';
import { describeWindow } from '../domain/window';
import { alertWindowText, msText, objectiveText, queriesText, sliceText, targetText, wordingText } from './describe';
import type { SnapshotAlertSet, VersionSnapshot } from './types';

/**
 * One change between two versions: where (the service, or "service / SLI"), which field, its old and new value in
 * words (null when it was added or removed), and the sentence people read.
 */
export type VersionChange = { where: string; tier: Tier | null; field: string; from: string | null; to: string | null; text: string };

type Emit = (change: Omit<VersionChange, 'text'>, text?: string) => void;

function collector(): { out: VersionChange[]; emit: Emit } {
  const out: VersionChange[] = [];
  const emit: Emit = (c, text) => {
    if (c.from === c.to) return;
    const label = c.tier === null ? c.field : c.field === 'target' ? TIER_LABELS[c.tier] : `${TIER_LABELS[c.tier]} ${c.field}`;
    out.push({ ...c, text: text ?? `${label} of ${c.where}: ${c.from ?? 'none'} → ${c.to ?? 'none'}` });
  };
  return { out, emit };
}

/**
 * Every change from version `a` to version `b`, in plain words: the service's own fields, traffic, dependencies and
 * policy; SLIs added, removed and changed (matched by id, so a rename is a rename); each tier's target, window,
 * method, time slice and threshold; and each alert window of each tier's alert set. `nameOf` names the services a
 * dependency points at.
 */
export function diffVersions(a: VersionSnapshot, b: VersionSnapshot, nameOf: (serviceId: number) => string = (id) => `service #${id}`): VersionChange[] {
  const { out, emit } = collector();
  const svc = b.service.name;
  emit({ where: svc, tier: null, field: 'service name', from: a.service.name, to: b.service.name });
  emit({ where: svc, tier: null, field: 'owner', from: a.service.owner || null, to: b.service.owner || null });
  emit({ where: svc, tier: null, field: 'description', from: a.service.description || null, to: b.service.description || null });
  const traffic = (s: Service) => (s.requestsPerDay === null ? null : `${s.requestsPerDay} requests a day`);
  emit({ where: svc, tier: null, field: 'traffic', from: traffic(a.service), to: traffic(b.service) });
  diffDependencies(a, b, nameOf, emit);
  diffPolicy(svc, a.service.policy ?? DEFAULT_POLICY, b.service.policy ?? DEFAULT_POLICY, emit);
  const before = new Map(a.service.slis.map((s) => [s.id, s]));
  const after = new Map(b.service.slis.map((s) => [s.id, s]));
  for (const old of a.service.slis) {
    if (!after.has(old.id))
      emit({ where: `${a.service.name} / ${old.name}`, tier: null, field: 'SLI', from: old.kind, to: null }, `SLI ${a.service.name} / ${old.name} removed`);
  }
  for (const sli of b.service.slis) {
    const old = before.get(sli.id);
    const where = `${svc} / ${sli.name}`;
    if (!old) {
      const tiers = TIERS.filter((t) => sli.objectives[t]).map((t) => `${TIER_LABELS[t]} ${objectiveText(sli.objectives[t]!)}`);
      emit({ where, tier: null, field: 'SLI', from: null, to: sli.kind }, `SLI ${where} added (${sli.kind}${tiers.length ? `; ${tiers.join('; ')}` : ''})`);
      continue;
    }
    diffSli(where, old, sli, emit);
    for (const tier of TIERS) diffTier(where, tier, old, sli, emit);
    for (const tier of TIERS) diffAlerts(where, tier, alertOf(a, old.id, tier), alertOf(b, sli.id, tier), emit);
  }
  return out;
}

function diffDependencies(a: VersionSnapshot, b: VersionSnapshot, nameOf: (serviceId: number) => string, emit: Emit): void {
  const svc = b.service.name;
  const phrase = (group: string | null) => (group === null ? 'hard dependency' : `in redundancy group ${group}`);
  const old = new Map(a.service.dependencies.map((d) => [d.dependsOnId, d.redundancyGroup]));
  const now = new Map(b.service.dependencies.map((d) => [d.dependsOnId, d.redundancyGroup]));
  for (const [id, group] of old) {
    if (!now.has(id))
      emit({ where: svc, tier: null, field: `dependency on ${nameOf(id)}`, from: phrase(group), to: null }, `dependency of ${svc} on ${nameOf(id)} removed`);
  }
  for (const [id, group] of now) {
    const was = old.has(id) ? phrase(old.get(id) ?? null) : null;
    emit(
      { where: svc, tier: null, field: `dependency on ${nameOf(id)}`, from: was, to: phrase(group) },
      was === null ? `dependency of ${svc} on ${nameOf(id)} added (${phrase(group)})` : undefined,
    );
  }
}

function diffPolicy(where: string, a: BudgetPolicy, b: BudgetPolicy, emit: Emit): void {
  const pct = (n: number) => `${n} %`;
  const rate = (n: number) => `${n}×`;
  emit({
    where,
    tier: null,
    field: 'policy warning threshold',
    from: `under ${pct(a.warningBelowPercent)} left`,
    to: `under ${pct(b.warningBelowPercent)} left`,
  });
  emit({
    where,
    tier: null,
    field: 'policy critical threshold',
    from: `under ${pct(a.criticalBelowPercent)} left`,
    to: `under ${pct(b.criticalBelowPercent)} left`,
  });
  emit({ where, tier: null, field: 'policy warning burn rate', from: rate(a.warningBurnRate), to: rate(b.warningBurnRate) });
  emit({ where, tier: null, field: 'policy critical burn rate', from: rate(a.criticalBurnRate), to: rate(b.criticalBurnRate) });
  for (const state of POLICY_STATES) emit({ where, tier: null, field: `policy actions when ${state}`, from: a.actions[state], to: b.actions[state] });
}

function diffSli(where: string, a: Sli, b: Sli, emit: Emit): void {
  emit({ where, tier: null, field: 'SLI name', from: a.name, to: b.name });
  emit({ where, tier: null, field: 'kind', from: a.kind, to: b.kind });
  emit({ where, tier: null, field: 'latency threshold', from: msText(a.latencyThresholdMs), to: msText(b.latencyThresholdMs) });
  emit({ where, tier: null, field: 'maximum data age', from: msText(a.freshnessMaxAgeMs), to: msText(b.freshnessMaxAgeMs) });
  emit({ where, tier: null, field: 'wording', from: wordingText(a), to: wordingText(b) });
  emit({ where, tier: null, field: 'queries', from: queriesText(a.queries), to: queriesText(b.queries) });
  const histogram = (s: Sli) => (s.histogram === null ? 'none' : `${s.histogram.metric} at le="${s.histogram.le}"`);
  emit({ where, tier: null, field: 'histogram', from: histogram(a), to: histogram(b) });
}

function diffTier(where: string, tier: Tier, a: Sli, b: Sli, emit: Emit): void {
  const old = a.objectives[tier];
  const now = b.objectives[tier];
  const label = TIER_LABELS[tier];
  if (!old && !now) return;
  if (!old || !now) {
    const text = old ? `${label} of ${where} removed (was ${objectiveText(old)})` : `${label} of ${where} added: ${objectiveText(now!)}`;
    emit({ where, tier, field: 'tier', from: old ? objectiveText(old) : null, to: now ? objectiveText(now) : null }, text);
    return;
  }
  emit({ where, tier, field: 'target', from: targetText(old.targetPpm), to: targetText(now.targetPpm) });
  emit({ where, tier, field: 'window', from: describeWindow(old.window), to: describeWindow(now.window) });
  emit({ where, tier, field: 'budgeting method', from: old.method, to: now.method });
  emit({ where, tier, field: 'time slice', from: sliceText(old.timeslice), to: sliceText(now.timeslice) });
  emit({ where, tier, field: 'latency threshold', from: msText(old.latencyThresholdMs), to: msText(now.latencyThresholdMs) });
}

function alertOf(v: VersionSnapshot, sliId: number, tier: Tier): SnapshotAlertSet | undefined {
  return v.alertSets.find((s) => s.sliId === sliId && s.tier === tier);
}

function diffAlerts(where: string, tier: Tier, a: SnapshotAlertSet | undefined, b: SnapshotAlertSet | undefined, emit: Emit): void {
  if (!a || !b) return; // a tier added or removed is one change, said by diffTier
  emit({ where, tier, field: 'alert set', from: a.set.name, to: b.set.name });
  for (const { severity, speed } of ALERT_KEYS) {
    emit({ where, tier, field: `${severity} alert (${speed})`, from: alertWindowText(a.set[severity][speed]), to: alertWindowText(b.set[severity][speed]) });
  }
}
