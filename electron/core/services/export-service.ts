// Spec export in the core: the snapshot an exporter renders (each service's chosen version, the services its
// dependencies name, the team's alert sets), the files with the loss report beside them, and writing them into a
// folder all or nothing (export-writer.ts). Nothing here changes the workspace.
import { EXPORTERS } from '#shared/exporters/registry';
import { formatLossReport, lossReportName } from '#shared/exporters/loss-report';
import type { ExportedService, ExportSnapshot } from '#shared/exporters/types';
import type { Args, ExportFormatInfo, ExportPreview, ExportWritten } from '#shared/ipc/contract';
import { AppFailure } from '#shared/ipc/errors';
import { writeExport } from './export-writer';
import { withReviewContext } from './review-doc-context';
import { exportedService, type ExportSelection } from './review-export';
import type { WorkspaceSession } from './workspace-session';

type ExportRequest = Args<'export/preview'>;

/** Every format with its extensions and what it can lose. */
export function exportFormats(): ExportFormatInfo[] {
  return EXPORTERS.list.map((e) => ({ id: e.id, title: e.title, extensions: [...e.extensions], losses: e.losses.map((l) => ({ ...l })) }));
}

function exporterOf(format: string) {
  const exporter = EXPORTERS.byId(format);
  if (!exporter) {
    throw new AppFailure('INVALID_ARGUMENT', `There is no export format "${format}"; the formats are ${EXPORTERS.list.map((e) => e.id).join(', ')}`, {
      field: 'format',
    });
  }
  return exporter;
}

const selectionOf = (request: ExportRequest): ExportSelection =>
  request.selection.kind === 'version' ? { version: request.selection.version } : request.selection.kind;

/**
 * The snapshot of the services asked for (all when none are named), each at its chosen version. With
 * requireApproved, every service without an approved version is named in one refusal and nothing is rendered.
 * With reviewContext, each service also gets its diff, history summaries and what-if runs (review-doc-context.ts).
 */
export function exportSnapshot(session: WorkspaceSession, request: ExportRequest, generatorVersion: string, reviewContext = false): ExportSnapshot {
  const catalog = session.reader().listServices();
  const ids = request.serviceIds ?? catalog.map((s) => s.id);
  for (const id of ids) if (!catalog.some((s) => s.id === id)) throw new AppFailure('NOT_FOUND', `There is no service with id ${id}`, { field: 'serviceIds' });
  if (ids.length === 0) throw new AppFailure('NOT_FOUND', 'The workspace has no services to export yet', { field: 'serviceIds' });
  const selection = selectionOf(request);
  const services: ExportedService[] = [];
  const unapproved: string[] = [];
  for (const id of ids) {
    const exported = exportedService(session, id, selection);
    if (exported.version.state !== 'approved') unapproved.push(exported.service.name);
    services.push(reviewContext ? withReviewContext(session, exported) : exported);
  }
  if (request.requireApproved && unapproved.length > 0) {
    throw new AppFailure(
      'CONFLICT',
      `${unapproved.length === 1 ? 'A service has' : `${unapproved.length} services have`} no approved version, so nothing was exported: ${unapproved.join(', ')}`,
      { field: 'requireApproved', services: unapproved },
    );
  }
  const others = catalog.filter((s) => !ids.includes(s.id));
  const customAlertSets = session
    .alertSets()
    .list()
    .map(({ id: _id, ...set }) => set);
  return { services, others, customAlertSets, generatorVersion };
}

/** What the export would write: the format's files and its loss report as one more file. */
export function previewExport(session: WorkspaceSession, request: ExportRequest, generatorVersion: string): ExportPreview {
  const exporter = exporterOf(request.format);
  const snapshot = exportSnapshot(session, request, generatorVersion, exporter.reviewContext === true);
  const { files, report } = exporter.render(snapshot);
  return {
    format: exporter.id,
    title: exporter.title,
    files: [...files, { name: lossReportName(exporter.id), text: formatLossReport(exporter.title, report) }],
    report,
    services: snapshot.services.map((s) => ({ service: s.service.name, version: s.version.number, state: s.version.state })),
  };
}

/** Renders the export and writes it into the folder, all or nothing; refuses files it did not write unless `force`. */
export function writeExportTo(session: WorkspaceSession, args: Args<'export/write'>, folder: string, generatorVersion: string): ExportWritten {
  const preview = previewExport(session, args, generatorVersion);
  const outcome = writeExport(folder, preview.files, args.force);
  return { folder, ...outcome, report: preview.report, services: preview.services };
}
