// Bytes to text for every importer (R22): UTF-16 by its BOM, otherwise strict UTF-8 whose failure names the byte
// offset and line of the first invalid byte, never a silent U+FFFD; another encoding only when the caller asks for it.
// Compressed files and UTF-16 without a BOM are named as what they are, not as a text-encoding error.
import type { ImportIssue, ImportLimits } from '../types';
import { DEFAULT_LIMITS } from '../types';

type Decoder = { decode: (input: Uint8Array) => string };
type DecoderCtor = new (label: string, options?: { fatal?: boolean }) => Decoder;

/** The text encodings decodeBytes reads. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

/** One text encoding decodeBytes reads. */
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Decoded text with the encoding used and whether a byte-order mark was removed, or the located issues. */
export type DecodeResult = { ok: true; text: string; encoding: TextEncodingName; bom: boolean } | { ok: false; issues: ImportIssue[] };

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
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Compressions recognised by their magic bytes. */
export type Compression = 'gzip' | 'zip' | 'bzip2' | 'xz' | 'zstd';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean => magic.every((b, i) => bytes[at + i] === b);

/**
 * The compression a file's first bytes announce, or null. bzip2's "BZh" plus a digit could start a text, so its block
 * (π) or end-of-stream (√π) magic must follow.
 */
export function detectCompression(bytes: Uint8Array): Compression | null {
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0x50, 0x4b]) && (startsWith(bytes, [3, 4], 2) || startsWith(bytes, [5, 6], 2) || startsWith(bytes, [7, 8], 2))) return 'zip';
  if (
    startsWith(bytes, [0x42, 0x5a, 0x68]) &&
    bytes[3]! >= 0x31 &&
    bytes[3]! <= 0x39 &&
    (startsWith(bytes, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4) || startsWith(bytes, [0x17, 0x72, 0x45, 0x38, 0x50, 0x90], 4))
  )
    return 'bzip2';
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  return null;
}

const COMPRESSED_MESSAGES: Record<Compression, string> = {
  gzip: 'The file is gzip-compressed, not text; decompress it (gunzip) and import the result',
  zip: 'The file is a zip archive, not text; extract the file inside it and import that',
  bzip2: 'The file is bzip2-compressed, not text; decompress it (bunzip2) and import the result',
  xz: 'The file is xz-compressed, not text; decompress it (unxz) and import the result',
  zstd: 'The file is zstd-compressed, not text; decompress it (unzstd) and import the result',
};

/** Bytes looked at to recognise UTF-16 without a byte-order mark. */
const UTF16_SAMPLE_BYTES = 4096;

/**
 * 'utf-16le' or 'utf-16be' when the start of a file has a NUL in at least a third of its odd (LE) or even (BE) bytes
 * and almost none in the others, as UTF-16 text of mostly Latin characters does; else null.
 */
export function detectBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
  if (pairs < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) even++;
    if (bytes[2 * i + 1] === 0) odd++;
  }
  if (odd * 3 >= pairs && even * 20 <= pairs) return 'utf-16le';
  if (even * 3 >= pairs && odd * 20 <= pairs) return 'utf-16be';
  return null;
}

/** UTF-16 BE bytes as UTF-16 LE (the one UTF-16 decoder every host has); throws on an odd length. */
function swapPairs(body: Uint8Array): Uint8Array {
  if (body.length % 2 !== 0) throw new Error('odd length');
  const swapped = new Uint8Array(body.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    swapped[i] = body[i + 1]!;
    swapped[i + 1] = body[i]!;
  }
  return swapped;
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
 * (or the explicitly chosen `encoding`). Files larger than limits.maxBytes are refused before decoding; compressed
 * files (COMPRESSED) and UTF-16 without a BOM and without a chosen encoding (ENCODING) are refused by name.
 */
export function decodeBytes(bytes: Uint8Array, options: { encoding?: TextEncodingName; limits?: ImportLimits } = {}): DecodeResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length > limits.maxBytes) {
    return {
      ok: false,
      issues: [{ severity: 'error', code: 'TOO_LARGE', message: `The file has ${bytes.length} bytes, more than the limit of ${limits.maxBytes}` }],
    };
  }
  const compression = detectCompression(bytes);
  if (compression !== null) return { ok: false, issues: [{ severity: 'error', code: 'COMPRESSED', message: COMPRESSED_MESSAGES[compression] }] };
  const b0 = bytes[0];
  const b1 = bytes[1];
  try {
    if (b0 === 0xff && b1 === 0xfe) return { ok: true, text: decoderFor('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
    if (b0 === 0xfe && b1 === 0xff) return { ok: true, text: decoderFor('utf-16le').decode(swapPairs(bytes.subarray(2))), encoding: 'utf-16be', bom: true };
  } catch {
    return { ok: false, issues: [{ severity: 'error', code: 'ENCODING', message: 'The file starts with a UTF-16 byte-order mark but is not valid UTF-16' }] };
  }
  const chosen = options.encoding;
  if (chosen === 'windows-1252') return { ok: true, text: decoderFor('windows-1252').decode(bytes), encoding: 'windows-1252', bom: false };
  if (chosen === 'utf-16le' || chosen === 'utf-16be') {
    try {
      return { ok: true, text: decoderFor('utf-16le').decode(chosen === 'utf-16le' ? bytes : swapPairs(bytes)), encoding: chosen, bom: false };
    } catch {
      return {
        ok: false,
        issues: [
          { severity: 'error', code: 'ENCODING', message: `The file is not valid ${chosen === 'utf-16le' ? 'UTF-16 little-endian' : 'UTF-16 big-endian'}` },
        ],
      };
    }
  }
  const utf16 = chosen === undefined ? detectBomlessUtf16(bytes) : null;
  if (utf16 !== null) {
    const endian = utf16 === 'utf-16le' ? 'little-endian' : 'big-endian';
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'ENCODING',
          message: `The file looks like UTF-16 ${endian} without a byte-order mark (every other byte is 0); choose ${utf16} as its encoding to read it`,
        },
      ],
    };
  }
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: decoderFor('utf-8').decode(body), encoding: 'utf-8', bom };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(body)) + (bom ? 3 : 0);
    return {
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'ENCODING',
          line: lineOf(bytes, at),
          message: `The file is not valid UTF-8: byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at offset ${at}; choose its encoding (windows-1252, for example) to read it`,
        },
      ],
    };
  }
}
