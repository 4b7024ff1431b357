// The loss report an export writes beside its files (and the export dialog shows before writing): what the format
// could not carry from the workspace, how it was mapped, and which services and SLIs it concerns.
import type { ExportLossReport } from './types';

/** The report's file name for a format, e.g. LOSSES-openslo.md. */
export function lossReportName(format: string): string {
  return `LOSSES-${format}.md`;
}

/** The report as Markdown: a heading, one bullet per loss with what it concerns, or a line saying nothing was lost. */
export function formatLossReport(title: string, report: ExportLossReport): string {
  const lines = [`# What ${title} could not carry`, ''];
  if (report.losses.length === 0) lines.push(`Nothing: every field of the exported services has a place in ${title}.`);
  for (const loss of report.losses) {
    const concerns = loss.concerns.length === 0 ? '' : ` (${loss.concerns.join('; ')})`;
    lines.push(`- **${loss.id}**${concerns}: ${loss.description}`);
  }
  return `${lines.join('\n')}\n`;
}
