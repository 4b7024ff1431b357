// The review document against its golden Markdown (shared/exporters/testdata/review-doc/<case>.md) and its PDF through
// pdftotext (poppler-utils): the same snapshot gives the same bytes, and the text a reader copies out holds the services,
// the tier numbers and the sign-off table. Regenerate the golden files after a deliberate change with
//   UPDATE_GOLDEN=1 npx vitest run shared/exporters/review-doc/review-doc.test.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORTERS } from '../registry';
import { reviewMarkdownExporter, reviewPdfExporter } from './exporters';
import { REVIEW_CASES } from '../test/review-doc-cases';

const GOLDEN = fileURLToPath(new URL('../testdata/review-doc/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
const dir = mkdtempSync(join(tmpdir(), 'slo-review-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF of a snapshot's file as bytes. */
const pdfBytes = (snapshot: (typeof REVIEW_CASES)[number]['snapshot']) => Buffer.from(reviewPdfExporter.render(snapshot).files[0]!.text, 'base64');

/** pdftotext's reading of the PDF, in reading order (-layout keeps table rows on one line). */
function pdfText(name: string, bytes: Buffer): string {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, bytes);
  const run = spawnSync(PDFTOTEXT!, ['-layout', path, '-'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('the review document in Markdown', () => {
  for (const { name, snapshot } of REVIEW_CASES) {
    it(`writes review.md of ${name} byte for byte as testdata/review-doc/${name}.md`, () => {
      const { files } = reviewMarkdownExporter.render(snapshot);
      expect(files.map((f) => f.name)).toEqual(['review.md']);
      const path = join(GOLDEN, `${name}.md`);
      if (UPDATE) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(path, files[0]!.text);
      }
      expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(files[0]!.text).toBe(readFileSync(path, 'utf8'));
    });
  }

  it('are both listed in the registry under markdown and pdf, asking the core for the review context', () => {
    expect(EXPORTERS.byId('markdown')).toBe(reviewMarkdownExporter);
    expect(EXPORTERS.byId('pdf')).toBe(reviewPdfExporter);
    expect(reviewPdfExporter.reviewContext && reviewMarkdownExporter.reviewContext).toBe(true);
  });
});

describe('the review document in PDF', () => {
  it('is the same bytes when rendered twice, a PDF with its dates from the latest sign-off', () => {
    const { snapshot } = REVIEW_CASES[0]!;
    const first = pdfBytes(snapshot);
    expect(first.equals(pdfBytes(snapshot))).toBe(true);
    expect(first.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(first.toString('latin1')).toContain('/CreationDate (D:20261202000000Z)');
    expect(first.toString('latin1')).not.toContain('/ID');
  });

  it('is written as base64 bytes', () => {
    const [file] = reviewPdfExporter.render(REVIEW_CASES[0]!.snapshot).files;
    expect(file).toMatchObject({ name: 'review.pdf', encoding: 'base64' });
  });
});

describe('the review document via pdftotext', () => {
  it.skipIf(!process.env.CI)('runs in CI, where poppler-utils is installed', () =>
    expect(PDFTOTEXT, 'pdftotext is missing: apt-get install poppler-utils').toBeDefined(),
  );

  describe.skipIf(!PDFTOTEXT)(`text copied out of the PDF${PDFTOTEXT ? '' : ' (skipped: pdftotext is not installed; apt-get install poppler-utils)'}`, () => {
    it('names the service, its tier numbers and budgets, and has the sign-off table with every name, role and decision', () => {
      const text = pdfText('chatbot', pdfBytes(REVIEW_CASES[0]!.snapshot));
      expect(text).toContain('SLO review: Chatbot');
      for (const figure of ['90 %', '99 %', '99.5 %', '2.4 h', '14.4 min', '25,000', '2,500', '1,250']) expect(text).toContain(figure);
      expect(text).toMatch(/Ana Ruiz\s+engineering\s+approves\s+History meets all three tiers\s+2026-12-01/);
      expect(text).toMatch(/Dev Patel\s+operations\s+approves/);
      expect(text).toContain('Status: approved by engineering, product, business and operations.');
    });

    it('marks a draft as a draft', () => {
      const text = pdfText('checkout', pdfBytes(REVIEW_CASES[1]!.snapshot));
      expect(text).toContain('DRAFT: the current draft, never proposed. Not approved: do not deploy as agreed.');
    });
  });
});
