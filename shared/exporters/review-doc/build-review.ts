// The review part of a service's document: which version it is (a draft said so loudly), what changed since the
// version before it, and who signed off how, with the approval the sign-offs make.
import { approvalOf, listWords } from '../../review/approval';
import { oneLine, versionLines } from '../export-header';
import type { ExportedService, ExportVersion } from '../types';
import type { Block } from './model';

/** "version 2 (approved)", "version 3 (proposed)", "the current draft". */
export function versionLabel(version: ExportVersion): string {
  if (version.number === null) return 'the current draft';
  return `version ${version.number} (${version.state === 'approved' ? 'approved' : version.state === 'draft' ? 'draft' : 'proposed'})`;
}

/** The version's state, a banner unless approved, and its rationale. */
export function versionBlocks(version: ExportVersion): Block[] {
  const [first] = versionLines(version);
  const blocks: Block[] = [];
  if (version.state === 'approved') blocks.push({ kind: 'paragraph', text: first! });
  else if (version.state === 'draft') blocks.push({ kind: 'banner', text: first! });
  else blocks.push({ kind: 'banner', text: `${first!} Do not deploy it as agreed until it is approved.` });
  if (oneLine(version.rationale) !== '') blocks.push({ kind: 'paragraph', text: `Rationale: ${oneLine(version.rationale)}` });
  return blocks;
}

/** The changes since the version before, with their historical impact. */
export function diffBlocks(exported: ExportedService): Block[] {
  const diff = exported.diff;
  if (diff === undefined) return [];
  const head: Block = { kind: 'heading', level: 2, text: 'Changes' };
  if (diff === null) return [head, { kind: 'paragraph', text: 'This is the first version of the service: there is no earlier version to compare with.' }];
  const to = diff.to === null ? 'the current draft' : `version ${diff.to}`;
  const blocks: Block[] = [head];
  if (diff.changes.length === 0) blocks.push({ kind: 'paragraph', text: `Nothing changed from version ${diff.from} to ${to}.` });
  else blocks.push({ kind: 'paragraph', text: `From version ${diff.from} to ${to}:` }, { kind: 'list', items: diff.changes });
  if (diff.impact.length > 0) blocks.push({ kind: 'paragraph', text: 'What history says about the changed tiers:' }, { kind: 'list', items: diff.impact });
  if (diff.notes.length > 0) blocks.push({ kind: 'list', items: diff.notes });
  return blocks;
}

const DECISION_WORDS = { approve: 'approves', object: 'objects', abstain: 'abstains' } as const;

/** The sign-off table and the approval status it makes. */
export function signoffBlocks(version: ExportVersion): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Sign-off' }];
  if (version.requiredRoles.length > 0) blocks.push({ kind: 'paragraph', text: `Roles that must approve: ${listWords(version.requiredRoles)}.` });
  if (version.number === null) {
    blocks.push({ kind: 'paragraph', text: 'The current draft was never proposed, so nobody can sign it off yet: propose it as a version first.' });
    return blocks;
  }
  if (version.signoffs.length === 0) blocks.push({ kind: 'paragraph', text: 'No sign-off recorded yet.' });
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Name', weight: 1.4 },
        { title: 'Role', weight: 1.1 },
        { title: 'Decision', weight: 0.9 },
        { title: 'Rationale', weight: 3 },
        { title: 'Date', weight: 1 },
      ],
      rows: version.signoffs.map((s) => [oneLine(s.name), oneLine(s.role), DECISION_WORDS[s.decision], oneLine(s.rationale) || '—', s.date]),
    });
  }
  const status = approvalOf(version.requiredRoles, version.signoffs);
  const text = `Status: ${status.summary}.`;
  blocks.push(status.approved ? { kind: 'paragraph', text } : { kind: 'banner', text });
  return blocks;
}
