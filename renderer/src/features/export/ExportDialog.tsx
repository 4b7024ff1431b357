import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '#shared/ipc/errors';
import { Modal } from '../../components/Modal';
import { trapTab } from '../../components/trap-tab';
import { useApp } from '../../store/context';
import { downloadOf, saveDownload } from './download';
import { destinationText, exportErrorText, previewRequest, writtenText, type ExportDraft } from './export-model';
import { ExportOptions } from './ExportOptions';
import { ExportPreviewPane } from './ExportPreviewPane';
import { useExportPreview } from './useExportPreview';
import './export.css';

type Props = { onClose(): void; serviceIds?: readonly number[] };

/**
 * The Export dialog: a format, the services and their versions; the loss report and every file as it would be
 * written; then a download (browser mode: one file, or several as one zip) or a folder chosen in the desktop app,
 * where files the export did not write are replaced only when asked.
 */
export function ExportDialog({ onClose, serviceIds }: Props) {
  const client = useApp((s) => s.client);
  const host = useApp((s) => s.host);
  const services = useApp((s) => s.services);
  const [draft, setDraft] = useState<ExportDraft | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const { formats, formatsError, preview, error, loading, invalid } = useExportPreview(client, draft);
  const body = useRef<HTMLDivElement>(null);
  const ready = draft !== null;
  // Modal focused what was there on opening (Close, before the formats came): the chosen format takes the focus once shown.
  useEffect(() => {
    if (ready) body.current?.querySelector<HTMLInputElement>('input[name="export-format"]:checked')?.focus();
  }, [ready]);

  useEffect(() => {
    if (formats && formats.length > 0 && draft === null) setDraft({ format: formats[0]!.id, services: serviceIds ?? 'all', versions: 'default' });
  }, [formats, draft, serviceIds]);

  const change = (next: ExportDraft) => {
    setDraft(next);
    setDone(null);
    setFailure(null);
  };

  const run = async (force: boolean) => {
    if (!draft || !preview) return;
    setDone(null);
    setFailure(null);
    if (host?.fileAccess !== 'dialog') {
      const download = downloadOf(preview.format, preview.files);
      saveDownload(download);
      setDone(`Downloaded ${download.name}${preview.files.length > 1 ? ` (${preview.files.length} files)` : ''}.`);
      return;
    }
    const request = previewRequest(draft);
    if (!request.ok) return;
    setBusy(true);
    const result = await client.invoke('export/write-dialog', { ...request.args, force });
    setBusy(false);
    if (result.ok) setDone(writtenText(result.value));
    else setFailure(result.error);
  };

  const close = useCallback(() => {
    if (!busy) onClose();
  }, [busy, onClose]);
  const problem = formatsError ?? error ?? failure;
  const problemText = problem ? exportErrorText(problem) : invalid;
  const inDesktop = host?.fileAccess === 'dialog';
  const canExport = preview !== null && !busy && !loading;

  return (
    <Modal title="Export" onClose={close} testId="export-dialog">
      <div className="export-dialog" onKeyDown={trapTab} ref={body}>
        {formats === null && !formatsError ? <p className="muted">Loading the formats…</p> : null}
        {formats && draft ? (
          <div className="export-layout">
            <ExportOptions formats={formats} services={services} draft={draft} disabled={busy} onChange={change} />
            <div className="export-main">
              {problemText ? (
                <div className="dialog-error" role="alert" data-testid="export-error">
                  {problemText}
                </div>
              ) : null}
              {loading ? <p className="muted">Preparing the preview…</p> : null}
              {preview ? <ExportPreviewPane preview={preview} selected={selected} onSelect={setSelected} /> : null}
            </div>
          </div>
        ) : null}
        <div className="export-footer">
          <p className="export-destination" data-testid="export-destination">
            {preview ? destinationText(host, preview) : ''}
          </p>
          {done ? (
            <p className="export-done" role="status" data-testid="export-done">
              {done}
            </p>
          ) : null}
          <div className="modal-actions">
            <button onClick={close} disabled={busy}>
              Close
            </button>
            {failure?.code === 'FILE_EXISTS' && inDesktop ? (
              <button className="danger-solid" onClick={() => void run(true)} disabled={!canExport} data-testid="export-replace">
                Replace files
              </button>
            ) : null}
            <button className="primary" onClick={() => void run(false)} disabled={!canExport} data-testid="export-go">
              {inDesktop ? 'Export to folder…' : preview && preview.files.length === 1 ? 'Download' : 'Download zip'}
            </button>
          </div>
        </div>
      </div>
    </Modal>
  );
}
