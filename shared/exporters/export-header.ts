// The comment a file exported for a reviewer opens with: what it is and who wrote it, which version of the service it
// holds (a draft says so in capitals), its rationale and every sign-off. Formats without a field for these (Sloth specs,
// Prometheus rule files) carry them here, where a pull request shows them.
import type { ExportVersion } from './types';

/** Text on one line: runs of whitespace (line breaks included) become one space, so a comment line stays a comment. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The version as the annotations name it: its number, or "draft" for a draft never proposed. */
export function versionName(version: ExportVersion): string {
  return version.number === null ? 'draft' : String(version.number);
}

/** Lines describing the exported version: number and state, the day proposed, the rationale, the roles and each sign-off. */
export function versionLines(version: ExportVersion): string[] {
  const lines: string[] = [];
  if (version.state === 'draft') {
    const which = version.number === null ? 'the current draft, never proposed' : `version ${version.number}, a draft`;
    lines.push(`DRAFT: ${which}. Not approved: do not deploy as agreed.`);
  } else {
    const on = version.proposedOn ? ` (proposed ${version.proposedOn})` : '';
    lines.push(`Version ${versionName(version)}, ${version.state === 'approved' ? 'approved' : 'proposed, not yet approved'}${on}.`);
  }
  if (oneLine(version.rationale) !== '') lines.push(`Rationale: ${oneLine(version.rationale)}`);
  if (version.requiredRoles.length > 0) lines.push(`Roles that must approve: ${version.requiredRoles.join(', ')}.`);
  if (version.signoffs.length === 0) lines.push('Sign-off: none recorded.');
  else lines.push('Sign-off:');
  for (const s of version.signoffs) {
    const why = oneLine(s.rationale) === '' ? '' : `: ${oneLine(s.rationale)}`;
    lines.push(`  ${s.date} ${oneLine(s.role)}, ${oneLine(s.name)}: ${s.decision}${why}`);
  }
  return lines;
}

/** Lines as a YAML comment block, each starting with "# " (an empty line is a bare "#"), ending in a line break. */
export function commentBlock(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n') + '\n';
}
