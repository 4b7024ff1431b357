// Bytes to text for the CSV importer (R22): UTF-16 by its BOM, otherwise strict UTF-8 whose failure names the byte
// offset and line of the first invalid byte, never a silent U+FFFD; windows-1252 only when the caller asks for it.
import type { ImportIssue, ImportLimits } from '../types';
import { DEFAULT_LIMITS } from '../types';

type Decoder = { decode: (input: Uint8Array) => string };
type DecoderCtor = new (label: string, options?: { fatal?: boolean }) => Decoder;

/** The text encodings decodeBytes reads. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded text with the encoding used and whether a byte-order mark was removed, or the located issues. */
export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | { ok: false; issues: ImportIssue[] };

function decoderFor(label: string): Decoder {
  // TextDecoder is a host API present in Node and every browser; shared/ does not load the DOM types.
  const ctor = (globalThis as unknown as { TextDecoder: DecoderCtor }).TextDecoder;
  return new ctor(label, { fatal: true });
}

/** The byte offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values above U+10FFFF included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/**
 * Decodes file bytes to text: a UTF-16 BOM selects UTF-16, a UTF-8 BOM is removed, anything else must be valid UTF-8
 * (or the explicitly chosen `encoding`). Files larger than limits.maxBytes are refused before decoding.
 */
export function decodeBytes(bytes: Uint8Array, options: { encoding?: TextEncodingName; limits?: ImportLimits } = {}): DecodeResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length > limits.maxBytes) {
    return { ok: false, issues: [{ severity: 'error', code: 'TOO_LARGE', message: `The file has ${bytes.length} bytes, more than the limit of ${limits.maxBytes}` }] };
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  try {
    if (b0 === 0xff && b1 === 0xfe) return { ok: true, text: decoderFor('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
    if (b0 === 0xfe && b1 === 0xff) {
      const body = bytes.subarray(2);
      const swapped = new Uint8Array(body.length - (body.length % 2));
      for (let i = 0; i + 1 < body.length; i += 2) { swapped[i] = body[i + 1]!; swapped[i + 1] = body[i]!; }
      if (body.length % 2 !== 0) throw new Error('odd length');
      return { ok: true, text: decoderFor('utf-16le').decode(swapped), encoding: 'utf-16be', bom: true };
    }
  } catch {
    return { ok: false, issues: [{ severity: 'error', code: 'ENCODING', message: 'The file starts with a UTF-16 byte-order mark but is not valid UTF-16' }] };
  }
  if (options.encoding === 'windows-1252') return { ok: true, text: decoderFor('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: decoderFor('utf-8').decode(body), encoding: 'utf-8', bom };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(body)) + (bom ? 3 : 0);
    return {
      ok: false,
      issues: [{
        severity: 'error', code: 'ENCODING', line: lineOf(bytes, at),
        message: `The file is not valid UTF-8: byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at offset ${at}; choose its encoding (e.g. windows-1252) to read it`,
      }],
    };
  }
}
