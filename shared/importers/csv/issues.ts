// A bounded issue list: every code keeps its first few located issues and a count of the rest, so a file with a
// million bad rows reports them without holding a million messages.
import type { ImportIssue } from '../types';

/** Collects issues, keeping at most `perCode` of each code and summarising the rest at the end. */
export type IssueLog = {
  add: (issue: ImportIssue) => void;
  /** The number of issues of a code added so far, kept or not. */
  count: (code: string) => number;
  /** The kept issues plus one summary issue per code that overflowed. */
  finish: () => ImportIssue[];
};

/** A new issue log keeping at most `perCode` issues of each code (200 by default). */
export function createIssueLog(perCode = 200): IssueLog {
  const issues: ImportIssue[] = [];
  const counts = new Map<string, number>();
  const severities = new Map<string, ImportIssue['severity']>();
  return {
    add(issue) {
      const seen = (counts.get(issue.code) ?? 0) + 1;
      counts.set(issue.code, seen);
      severities.set(issue.code, issue.severity);
      if (seen <= perCode) issues.push(issue);
    },
    count: (code) => counts.get(code) ?? 0,
    finish() {
      const out = [...issues];
      for (const [code, seen] of counts) {
        if (seen > perCode) {
          out.push({ severity: severities.get(code) ?? 'error', code, message: `${seen - perCode} more ${code} issues like the ones above (${seen} in all)` });
        }
      }
      return out;
    },
  };
}
