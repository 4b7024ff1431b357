// The lines `proposal`, `signoff` and `review` print for people.
import type { ReviewStatus, ServiceVersions, VersionDiff, VersionSignoffs, VersionSummary } from '#shared/ipc/contract';

/** "version 1, approved, proposed 2027-01-15: "First agreed tiers": approved by engineering, product, business and operations". */
export function versionLine(v: VersionSummary): string {
  const why = v.rationale === '' ? '' : ` "${v.rationale}"`;
  return `  version ${v.number}, ${v.state}, proposed ${v.proposedOn}${why}: ${v.approval.summary}`;
}

/** A service's versions, its approved version and its draft. */
export function versionsText(s: ServiceVersions): string[] {
  const approved = s.approvedVersion === null ? 'none approved' : `version ${s.approvedVersion} approved`;
  const count = `${s.versions.length} version${s.versions.length === 1 ? '' : 's'}`;
  return [`${s.serviceName}: ${count}, ${approved}. ${s.draft.text}`, ...s.versions.map(versionLine)];
}

/** The changes between two versions and, where history exists, their impact. */
export function diffText(d: VersionDiff): string[] {
  const to = d.to === null ? 'the current draft' : `version ${d.to}`;
  const count = `${d.changes.length} change${d.changes.length === 1 ? '' : 's'}`;
  const lines = [`${d.serviceName}: version ${d.from} → ${to}, ${count}`, ...d.changes.map((c) => `  ${c.text}`)];
  if (d.impact.length > 0) lines.push('Historical impact:', ...d.impact.map((i) => `  ${i.text}`));
  return [...lines, ...d.notes.map((n) => `  ${n}`)];
}

/** A version's sign-offs, oldest first, after what its approval lacks. */
export function signoffsText(service: string, s: VersionSignoffs): string[] {
  const lines = s.signoffs.map((o) => `  ${o.date} ${o.name} (${o.role}): ${o.decision}${o.rationale === '' ? '' : `: "${o.rationale}"`}`);
  return [`${service} version ${s.number}: ${s.approval.summary}`, ...(lines.length > 0 ? lines : ['  no sign-off recorded yet'])];
}

/** Each service's review status. */
export function statusText(s: ReviewStatus): string[] {
  const head = `Reviews on ${s.today}: ${s.overdue === 0 ? 'none overdue' : `${s.overdue} service${s.overdue === 1 ? '' : 's'} overdue`}`;
  return [head, ...s.services.map((x) => `  ${x.text}`)];
}
