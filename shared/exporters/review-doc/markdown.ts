// The review document as Markdown: headings, paragraphs, tables with their columns aligned as told, warnings as
// quotes, and the tier ladder as a text picture (bars of nines on one axis) that reads the same in a terminal.
import { formatPpmPercent } from '../../domain/percent';
import { ninesOf } from './build-plan';
import type { Block, ReviewDocument } from './model';

/** Characters of a ladder bar per nine (90 % is 10, 99 % is 20). */
const CHARS_PER_NINE = 10;

/** Text with Markdown's own characters escaped, on one line. */
export function mdText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_<[\]])/g, '\\$1');
}

const cell = (text: string) => mdText(text).replace(/\|/g, '\\|');

/** The axis label of k nines: 0 %, 90 %, 99 %, 99.9 %. */
const tickLabel = (k: number) => `${formatPpmPercent(Math.round(1_000_000 - 1_000_000 / 10 ** k))} %`;

function ladder(block: Extract<Block, { kind: 'ladder' }>): string[] {
  const width = block.axisNines * CHARS_PER_NINE;
  const labelWidth = Math.max(...block.bars.map((b) => b.label.length));
  const lines = block.bars.map((bar) => {
    const filled = Math.max(1, Math.round(ninesOf(bar.targetPpm) * CHARS_PER_NINE));
    return `${bar.label.padEnd(labelWidth)} |${'█'.repeat(filled)}${' '.repeat(Math.max(0, width - filled))}| ${bar.text}`;
  });
  let axis = ' '.repeat(labelWidth + 1);
  for (let k = 0; k <= block.axisNines; k++) {
    const at = labelWidth + 1 + k * CHARS_PER_NINE;
    axis = axis.padEnd(at) + tickLabel(k);
  }
  return [`${mdText(block.caption)} (bar length in nines: each step is ten times less budget):`, '', '```text', ...lines, axis.trimEnd(), '```'];
}

function table(block: Extract<Block, { kind: 'table' }>): string[] {
  const head = `| ${block.columns.map((c) => cell(c.title)).join(' | ')} |`;
  const rule = `|${block.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [head, rule, ...block.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level + 1)} ${mdText(block.text)}`];
    case 'paragraph':
      return [mdText(block.text)];
    case 'banner':
      return [`> **${mdText(block.text)}**`];
    case 'list':
      return block.items.map((item) => `- ${mdText(item)}`);
    case 'table':
      return table(block);
    case 'ladder':
      return ladder(block);
  }
}

/** The document as Markdown text ending in one line break; a service (level 1) is set off by a rule. */
export function renderMarkdown(doc: ReviewDocument): string {
  const parts: string[] = [`# ${mdText(doc.title)}`, ...doc.subtitle.map(mdText)];
  for (const block of doc.blocks) {
    if (block.kind === 'heading' && block.level === 1) parts.push('---');
    parts.push(blockLines(block).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
