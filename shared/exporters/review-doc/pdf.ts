// The review document as a PDF on A4: body text 11 pt and tables 10 pt for print, headings large and dark on white
// for a projector, each service on a new page, tables split between rows with their header repeated, long words
// broken, and a footer with the page number. Deterministic: the same document gives the same bytes.
import { formatPpmPercent } from '../../domain/percent';
import { ninesOf } from './build-plan';
import type { Block, ReviewDocument } from './model';
import { PAGE_HEIGHT, PAGE_WIDTH, PdfCanvas, type FontStyle, type Rgb } from './pdf-canvas';

const MARGIN = 50;
const BOTTOM = 60;
const CONTENT = PAGE_WIDTH - 2 * MARGIN;
const BODY = 11;
const SMALL = 10;
const HEADING: Record<1 | 2 | 3, number> = { 1: 22, 2: 16, 3: 13 };
const INK: Rgb = [0.08, 0.08, 0.1];
const HEAD_INK: Rgb = [0.05, 0.18, 0.42];
const MUTED: Rgb = [0.3, 0.3, 0.33];
const RULE: Rgb = [0.6, 0.6, 0.65];
const HEADER_FILL: Rgb = [0.86, 0.89, 0.94];
const ZEBRA: Rgb = [0.955, 0.96, 0.97];
const BANNER_FILL: Rgb = [0.99, 0.9, 0.86];
const BANNER_INK: Rgb = [0.55, 0.08, 0.02];
const BAR: Record<string, Rgb> = { sla: [0.45, 0.55, 0.7], slo: [0.1, 0.32, 0.62], target: [0.05, 0.45, 0.35] };

/** Lines of text at most `width` wide, broken at spaces, and inside words too long for a line. */
function wrap(canvas: PdfCanvas, text: string, size: number, width: number, style: FontStyle = 'regular'): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (t: string) => canvas.widthOf(t, size, style) <= width;
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const tried = line === '' ? word : `${line} ${word}`;
    if (fits(tried)) {
      line = tried;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (!fits(rest)) {
      let n = rest.length - 1;
      while (n > 1 && !fits(rest.slice(0, n))) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Draws blocks down the pages, starting a page when the next piece does not fit. */
class Flow {
  y = 0;
  /** Services begun: each after the first starts a page. */
  services = 0;
  constructor(readonly canvas: PdfCanvas) {
    this.page();
  }

  page(): void {
    this.canvas.addPage();
    this.y = PAGE_HEIGHT - MARGIN;
  }

  /** Makes room for `height` points, on a new page when this one has less left (unless it is still empty). */
  need(height: number): void {
    if (this.y - height < BOTTOM && this.y < PAGE_HEIGHT - MARGIN - 1) this.page();
  }

  lines(lines: readonly string[], size: number, style: FontStyle, color: Rgb, x = MARGIN): void {
    const lead = size * 1.35;
    for (const line of lines) {
      this.need(lead);
      this.y -= lead;
      this.canvas.text(line, x, this.y + size * 0.3, size, style, color);
    }
  }
}

function heading(flow: Flow, level: 1 | 2 | 3, text: string): void {
  const size = HEADING[level];
  const lines = wrap(flow.canvas, text, size, CONTENT, 'bold');
  if (level === 1 && flow.services++ > 0) flow.page();
  flow.need(lines.length * size * 1.35 + size + 60); // keep a heading with what follows it
  flow.y -= level === 1 ? 0 : size * 0.7;
  flow.lines(lines, size, 'bold', HEAD_INK);
  if (level === 1) {
    flow.y -= 6;
    flow.canvas.line(MARGIN, flow.y, MARGIN + CONTENT, flow.y, 1.5, HEAD_INK);
  }
  flow.y -= 6;
}

function banner(flow: Flow, text: string): void {
  const lines = wrap(flow.canvas, text, BODY, CONTENT - 20, 'bold');
  const height = lines.length * BODY * 1.35 + 12;
  flow.need(height + 6);
  flow.canvas.rect(MARGIN, flow.y - height, CONTENT, height, BANNER_FILL);
  flow.canvas.rect(MARGIN, flow.y - height, 4, height, BANNER_INK);
  flow.y -= 6;
  flow.lines(lines, BODY, 'bold', BANNER_INK, MARGIN + 12);
  flow.y -= 12;
}

function table(flow: Flow, block: Extract<Block, { kind: 'table' }>): void {
  const c = flow.canvas;
  const total = block.columns.reduce((s, col) => s + col.weight, 0);
  const widths = block.columns.map((col) => (col.weight / total) * CONTENT);
  const pad = 4;
  const lead = SMALL * 1.3;
  const cells = (row: readonly string[], style: FontStyle) => row.map((text, i) => wrap(c, text, SMALL, widths[i]! - 2 * pad, style));
  const drawRow = (wrapped: string[][], style: FontStyle, fillColor: Rgb | null) => {
    const height = Math.max(...wrapped.map((l) => l.length)) * lead + 2 * pad;
    if (fillColor) c.rect(MARGIN, flow.y - height, CONTENT, height, fillColor);
    let x = MARGIN;
    wrapped.forEach((lines, i) => {
      const right = block.columns[i]!.align === 'right';
      lines.forEach((line, k) => {
        const w = c.widthOf(line, SMALL, style);
        c.text(line, right ? x + widths[i]! - pad - w : x + pad, flow.y - pad - (k + 1) * lead + SMALL * 0.3, SMALL, style, INK);
      });
      x += widths[i]!;
    });
    flow.y -= height;
    c.line(MARGIN, flow.y, MARGIN + CONTENT, flow.y, 0.5, RULE);
  };
  const header = cells(
    block.columns.map((col) => col.title),
    'bold',
  );
  const headerHeight = Math.max(...header.map((l) => l.length)) * lead + 2 * pad;
  flow.y -= 4;
  block.rows.forEach((row, index) => {
    const wrapped = cells(row, 'regular');
    const height = Math.max(...wrapped.map((l) => l.length)) * lead + 2 * pad;
    const top = flow.y;
    flow.need(height + (index === 0 ? headerHeight : 0));
    if (index === 0 || flow.y > top) drawRow(header, 'bold', HEADER_FILL);
    drawRow(wrapped, 'regular', index % 2 === 1 ? ZEBRA : null);
  });
  flow.y -= 8;
}

function ladder(flow: Flow, block: Extract<Block, { kind: 'ladder' }>): void {
  const c = flow.canvas;
  const labelWidth = 120;
  const barHeight = 20;
  const gap = 26;
  const axisX = MARGIN + labelWidth;
  const axisWidth = CONTENT - labelWidth - 10;
  const height = 22 + block.bars.length * gap + 36;
  flow.need(height);
  flow.lines([block.caption], BODY, 'bold', INK);
  flow.y -= 6;
  const top = flow.y;
  const xOf = (nines: number) => axisX + (Math.min(nines, block.axisNines) / block.axisNines) * axisWidth;
  block.bars.forEach((bar, i) => {
    const y = top - i * gap - barHeight;
    const x = xOf(ninesOf(bar.targetPpm));
    c.text(bar.label, MARGIN, y + 6, BODY, 'bold', INK);
    c.rect(axisX, y, x - axisX, barHeight, BAR[bar.tier] ?? HEAD_INK);
    const label = bar.text;
    const w = c.widthOf(label, SMALL, 'bold');
    // The numbers sit inside the bar in white when they fit there, else after it in ink.
    if (w + 12 < x - axisX) c.text(label, x - w - 6, y + 6, SMALL, 'bold', [1, 1, 1]);
    else c.text(label, Math.min(x + 6, MARGIN + CONTENT - w), y + 6, SMALL, 'bold', INK);
  });
  const axisY = top - block.bars.length * gap - 4;
  c.line(axisX, axisY, axisX + axisWidth, axisY, 1, INK);
  for (let k = 0; k <= block.axisNines; k++) {
    const x = xOf(k);
    c.line(x, axisY, x, axisY - 5, 1, INK);
    const label = `${formatPpmPercent(Math.round(1_000_000 - 1_000_000 / 10 ** k))} %`;
    c.text(label, x - c.widthOf(label, SMALL) / 2, axisY - 16, SMALL, 'regular', MUTED);
  }
  flow.y = axisY - 22;
  flow.lines(['Bar length in nines: each step to the right is ten times less error budget.'], SMALL, 'regular', MUTED);
  flow.y -= 6;
}

function draw(flow: Flow, block: Block): void {
  switch (block.kind) {
    case 'heading':
      return heading(flow, block.level, block.text);
    case 'paragraph':
      flow.lines(wrap(flow.canvas, block.text, BODY, CONTENT), BODY, 'regular', INK);
      flow.y -= 6;
      return;
    case 'banner':
      return banner(flow, block.text);
    case 'list':
      for (const item of block.items) {
        const lines = wrap(flow.canvas, item, BODY, CONTENT - 16);
        flow.need(BODY * 1.35);
        flow.canvas.text('•', MARGIN + 3, flow.y - BODY * 1.35 + BODY * 0.3, BODY, 'regular', INK);
        flow.lines(lines, BODY, 'regular', INK, MARGIN + 16);
        flow.y -= 2;
      }
      flow.y -= 4;
      return;
    case 'table':
      return table(flow, block);
    case 'ladder':
      return ladder(flow, block);
  }
}

/** The document as PDF bytes. */
export function renderPdf(doc: ReviewDocument, producer: string): Uint8Array {
  const canvas = new PdfCanvas();
  const flow = new Flow(canvas);
  flow.lines(wrap(canvas, doc.title, 26, CONTENT, 'bold'), 26, 'bold', HEAD_INK);
  flow.y -= 4;
  for (const line of doc.subtitle) flow.lines(wrap(canvas, line, 12, CONTENT), 12, 'regular', MUTED);
  flow.y -= 10;
  for (const block of doc.blocks) draw(flow, block);
  const pages = canvas.pageCount;
  for (let p = 0; p < pages; p++) {
    const footer = `${doc.title} · page ${p + 1} of ${pages}`;
    canvas.text(footer, PAGE_WIDTH - MARGIN - canvas.widthOf(footer, 9), 30, 9, 'regular', MUTED, p);
  }
  return canvas.save({ title: doc.title, subject: doc.subtitle.join(' '), producer, day: doc.day });
}
