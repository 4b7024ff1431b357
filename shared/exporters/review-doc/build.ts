// Builds the review document from an export snapshot, once, for every renderer: per service its version, the plan of
// each SLI (ladder, budgets, alerts), policy, dependency ceiling, history, what-if results, changes and sign-off.
import type { Service } from '../../domain/types';
import type { ExportedService, ExportSnapshot } from '../types';
import { ceilingBlocks, historyBlocks, policyBlocks, whatIfBlocks } from './build-context';
import { planBlocks } from './build-plan';
import { diffBlocks, signoffBlocks, versionBlocks, versionLabel } from './build-review';
import type { Block, ReviewDocument } from './model';

/** The latest day a snapshot names: a proposal or a sign-off (YYYY-MM-DD), or null. */
export function latestDay(snapshot: ExportSnapshot): string | null {
  const days = snapshot.services.flatMap((s) => [s.version.proposedOn, ...s.version.signoffs.map((o) => o.date)]).filter((d): d is string => d !== null);
  return days.length === 0 ? null : days.reduce((a, b) => (b > a ? b : a));
}

function serviceBlocks(exported: ExportedService, snapshot: ExportSnapshot, byId: ReadonlyMap<number, Service>): Block[] {
  const { service, version } = exported;
  const about = [service.owner ? `Owner: ${service.owner}.` : '', service.description ? service.description.replace(/\.?$/, '.') : '']
    .filter(Boolean)
    .join(' ');
  return [
    { kind: 'heading', level: 1, text: `${service.name}: ${versionLabel(version)}` },
    ...versionBlocks(version),
    ...(about ? [{ kind: 'paragraph', text: about } as const] : []),
    ...planBlocks(service, snapshot.customAlertSets),
    ...policyBlocks(service),
    ...ceilingBlocks(service, byId),
    ...historyBlocks(exported),
    ...whatIfBlocks(exported),
    ...diffBlocks(exported),
    ...signoffBlocks(version),
  ];
}

/** The review document of every service in the snapshot, in the snapshot's order. */
export function buildReviewDocument(snapshot: ExportSnapshot): ReviewDocument {
  const byId = new Map<number, Service>([...snapshot.others, ...snapshot.services.map((s) => s.service)].map((s) => [s.id, s]));
  const names = snapshot.services.map((s) => s.service.name);
  const drafts = snapshot.services.filter((s) => s.version.state !== 'approved').map((s) => s.service.name);
  const subtitle = [
    `${names.length === 1 ? 'One service' : `${names.length} services`}: ${names.join(', ')}.`,
    drafts.length === 0 ? 'Every version here is approved.' : `Not approved, read as a draft: ${drafts.join(', ')}.`,
    `Written by SLO Workbench ${snapshot.generatorVersion}.`,
  ];
  return {
    title: names.length === 1 ? `SLO review: ${names[0]}` : 'SLO review',
    subtitle,
    day: latestDay(snapshot),
    blocks: snapshot.services.flatMap((s) => serviceBlocks(s, snapshot, byId)),
  };
}
