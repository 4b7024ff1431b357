import { useEffect, useRef, useState } from 'react';
import type { ExportFormatInfo, ExportPreview } from '#shared/ipc/contract';
import type { AppError } from '#shared/ipc/errors';
import type { Client } from '../../ipc/client';
import { previewRequest, type ExportDraft } from './export-model';

/** The formats, and the preview of the draft as it stands: refreshed on every change, a late answer to an older draft ignored. */
export function useExportPreview(client: Client, draft: ExportDraft | null) {
  const [formats, setFormats] = useState<ExportFormatInfo[] | null>(null);
  const [formatsError, setFormatsError] = useState<AppError | null>(null);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    let live = true;
    void client.invoke('export/formats', {}).then((result) => {
      if (!live) return;
      if (result.ok) setFormats(result.value);
      else setFormatsError(result.error);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const request = draft ? previewRequest(draft) : null;
  const key = request?.ok ? JSON.stringify(request.args) : null;
  useEffect(() => {
    const n = ++asked.current;
    setPreview(null);
    setError(null);
    if (key === null) return setLoading(false);
    setLoading(true);
    void client.invoke('export/preview', JSON.parse(key)).then((result) => {
      if (n !== asked.current) return;
      setLoading(false);
      if (result.ok) setPreview(result.value);
      else setError(result.error);
    });
  }, [client, key]);

  return { formats, formatsError, preview, error, loading, invalid: request && !request.ok ? request.message : null };
}
