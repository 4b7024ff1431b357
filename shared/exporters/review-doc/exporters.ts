// The review document in two formats from one model: Markdown (review.md, for a pull request) and PDF (review.pdf,
// for the printed page and the projector), each with the same loss report.
import { encodeToBase64 } from 'pdf-lib';
import type { Exporter } from '../types';
import { buildReviewDocument } from './build';
import { REVIEW_DOC_LOSSES, reviewDocLossReport } from './losses';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';

/** The review document as Markdown. */
export const reviewMarkdownExporter: Exporter = {
  id: 'markdown',
  title: 'Review document (Markdown)',
  extensions: ['.md'],
  losses: REVIEW_DOC_LOSSES,
  reviewContext: true,
  render: (snapshot) => ({
    files: [{ name: 'review.md', text: renderMarkdown(buildReviewDocument(snapshot)) }],
    report: reviewDocLossReport('markdown', snapshot),
  }),
};

/** The review document as PDF (A4), its bytes in base64. */
export const reviewPdfExporter: Exporter = {
  id: 'pdf',
  title: 'Review document (PDF)',
  extensions: ['.pdf'],
  losses: REVIEW_DOC_LOSSES,
  reviewContext: true,
  render: (snapshot) => ({
    files: [
      { name: 'review.pdf', text: encodeToBase64(renderPdf(buildReviewDocument(snapshot), `SLO Workbench ${snapshot.generatorVersion}`)), encoding: 'base64' },
    ],
    report: reviewDocLossReport('pdf', snapshot),
  }),
};
