// Compressed imports: a gzip file is decompressed in the main process before parsing (node's zlib; shared/ stays pure),
// never beyond the import's byte limit, so a small file that would grow a thousandfold is refused, not expanded.
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { detectCompression } from '../../../shared/importers/csv/decode';
import { AppFailure } from '../../../shared/ipc/errors';

const gunzipAsync = promisify(gunzip);

/**
 * The bytes of a gzip file decompressed (at most maxBytes of them), or the bytes unchanged when they are not gzip.
 * Other compressions pass through unchanged: decoding names them.
 */
export async function gunzipIfGzip(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<Uint8Array> {
  if (detectCompression(bytes) !== 'gzip') return bytes;
  try {
    return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppFailure('INVALID_ARGUMENT', `${fileName} decompresses to more than ${maxBytes} bytes, the import limit; split it or aggregate it first`, { code: 'TOO_LARGE' });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('INVALID_ARGUMENT', `${fileName} is gzip-compressed but cannot be decompressed (${reason}); it may be damaged or cut short`, { code: 'COMPRESSED' });
  }
}
