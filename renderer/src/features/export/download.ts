// Browser mode's export: the preview's files as a download, one file as itself and several as one zip. The zip is
// deterministic (same files, same bytes): entries in the preview's order with one fixed modification time.
import { zipSync } from 'fflate';
import type { ExportFile } from '#shared/exporters/types';
import { zipName } from './export-model';

/**
 * The time every zip entry carries. Zip stores local wall-clock fields, which fflate reads with local getters, so the
 * date is built from local fields too: the same bytes in every time zone (noon, clear of any daylight-saving change).
 */
const ZIP_MTIME = () => new Date(2000, 0, 1, 12, 0, 0);

/** A file's bytes: its base64 decoded, or its text in UTF-8. */
export function fileBytes(file: ExportFile): Uint8Array {
  if (file.encoding !== 'base64') return new TextEncoder().encode(file.text);
  const binary = atob(file.text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The files as one zip, each under its own name (folders in names kept). */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const mtime = ZIP_MTIME();
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of files) entries[file.name] = [fileBytes(file), { mtime }];
  return zipSync(entries, { level: 6 });
}

const MIME: Record<string, string> = {
  yaml: 'application/yaml',
  yml: 'application/yaml',
  md: 'text/markdown',
  pdf: 'application/pdf',
  json: 'application/json',
};

/** What the browser downloads: one file as itself, several as the zip named after the format. */
export function downloadOf(format: string, files: readonly ExportFile[]): { name: string; bytes: Uint8Array; type: string } {
  if (files.length === 1) {
    const file = files[0]!;
    const name = file.name.split('/').at(-1)!;
    return { name, bytes: fileBytes(file), type: MIME[name.split('.').at(-1)!.toLowerCase()] ?? 'application/octet-stream' };
  }
  return { name: zipName(format), bytes: zipFiles(files), type: 'application/zip' };
}

/** Hands the bytes to the browser as a download under `name`. */
export function saveDownload(download: { name: string; bytes: Uint8Array; type: string }): void {
  const url = URL.createObjectURL(new Blob([download.bytes as BlobPart], { type: download.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = download.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the URL is released after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
