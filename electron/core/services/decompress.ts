// Compressed imports: a gzip file is decompressed in the main process before parsing (node's zlib; shared/ stays pure),
// never beyond the import's byte limit, so a small file that would grow a thousandfold is refused, not expanded.
import { promisify } from 'node:util';
import { constants, gunzip, gunzipSync } from 'node:zlib';
import { detectCompression } from '#shared/importers/csv/decode';
import { AppFailure } from '#shared/ipc/errors';

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
      throw new AppFailure('INVALID_ARGUMENT', `${fileName} decompresses to more than ${maxBytes} bytes, the import limit; split it or aggregate it first`, {
        code: 'TOO_LARGE',
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppFailure('INVALID_ARGUMENT', `${fileName} is gzip-compressed but cannot be decompressed (${reason}); it may be damaged or cut short`, {
      code: 'COMPRESSED',
    });
  }
}

/** Compressed bytes a preview inflates at most: deflate grows at most ~1032-fold, so a preview never makes more than ~17 MB. */
const PREVIEW_INPUT_BYTES = 16 * 1024;

/**
 * The start of a gzip file's contents for a preview (at most maxBytes), from its first compressed bytes, and whether
 * that is all of it; null when the bytes are not gzip or cannot be inflated.
 */
export function gunzipStart(head: Uint8Array, fileBytes: number, maxBytes: number): { bytes: Uint8Array; whole: boolean } | null {
  if (detectCompression(head) !== 'gzip') return null;
  const input = head.subarray(0, PREVIEW_INPUT_BYTES);
  try {
    // A sync flush inflates what the bytes given hold without asking for the rest of the stream.
    const out = gunzipSync(input, { finishFlush: constants.Z_SYNC_FLUSH });
    return { bytes: out.subarray(0, maxBytes), whole: input.length === fileBytes && out.length <= maxBytes };
  } catch {
    return null;
  }
}
