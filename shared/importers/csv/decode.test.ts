import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../types';
import { decodeBytes, detectCompression, firstInvalidUtf8 } from './decode';
import { parseStrictNumber } from './numbers';
import fc from 'fast-check';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

describe('decodeBytes', () => {
  const text = 'time;gut\r\n2024-01-01T00:00:00Z;Grüße ✓\n';
  it('reads UTF-8 with and without a BOM, and UTF-16 LE and BE by their BOM', () => {
    expect(decodeBytes(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({ ok: true, text, encoding: 'utf-8', bom: true });
    expect(decodeBytes(utf16(text, false))).toEqual({ ok: true, text, encoding: 'utf-16le', bom: true });
    expect(decodeBytes(utf16(text, true))).toEqual({ ok: true, text, encoding: 'utf-16be', bom: true });
  });

  it('names the offset and line of the first invalid UTF-8 byte instead of substituting U+FFFD', () => {
    const latin1 = new Uint8Array([...utf8('a,b\n1,'), 0xfc, ...utf8('ber\n')]);
    const result = decodeBytes(latin1);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'ENCODING', line: 2 }] });
    if (!result.ok) expect(result.issues[0]!.message).toContain('0xfc at offset 6');
    expect(decodeBytes(latin1, { encoding: 'windows-1252' })).toMatchObject({ ok: true, text: 'a,b\n1,über\n' });
  });

  it('finds overlong forms, surrogates and truncated sequences, agreeing with the platform decoder', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(new Uint8Array([0xe2, 0x9c]))).toBe(0);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('names an encoding to choose when bytes are not UTF-8', () => {
    const latin1 = new Uint8Array([...utf8('a\n'), 0xe9, ...utf8('\n')]);
    const result = decodeBytes(latin1);
    if (result.ok) throw new Error('latin-1 bytes decoded as UTF-8');
    expect(result.issues[0]!.message).toBe('The file is not valid UTF-8: byte 0xe9 at offset 2; choose its encoding (windows-1252, for example) to read it');
  });

  it.each([
    ['gzip', [0x1f, 0x8b, 0x08, 0x00], 'The file is gzip-compressed, not text; decompress it (gunzip) and import the result'],
    ['zip', [0x50, 0x4b, 0x03, 0x04], 'The file is a zip archive, not text; extract the file inside it and import that'],
    [
      'bzip2',
      [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59],
      'The file is bzip2-compressed, not text; decompress it (bunzip2) and import the result',
    ],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'The file is xz-compressed, not text; decompress it (unxz) and import the result'],
    ['zstd', [0x28, 0xb5, 0x2f, 0xfd], 'The file is zstd-compressed, not text; decompress it (unzstd) and import the result'],
  ])('recognises a %s file by its magic bytes instead of calling it a text-encoding problem', (name, magic, message) => {
    const bytes = new Uint8Array([...magic, 0x00, 0xff, 0x10, 0x20]);
    expect(detectCompression(bytes)).toBe(name);
    expect(decodeBytes(bytes)).toEqual({ ok: false, issues: [{ severity: 'error', code: 'COMPRESSED', message }] });
    // Even with an encoding chosen: windows-1252 reads any byte, so it would turn the archive into nonsense text.
    expect(decodeBytes(bytes, { encoding: 'windows-1252' })).toMatchObject({ ok: false, issues: [{ code: 'COMPRESSED' }] });
  });

  it('does not take text that merely starts like a magic number for a compressed file', () => {
    expect(detectCompression(utf8('BZh9,total\n'))).toBeNull();
    expect(detectCompression(utf8('PK,1\n'))).toBeNull();
    expect(decodeBytes(utf8('BZh,1\n'))).toMatchObject({ ok: true, text: 'BZh,1\n' });
  });

  it('recognises UTF-16 without a byte-order mark by its NUL bytes, and reads it when that encoding is chosen', () => {
    const le = utf16(text, false).subarray(2);
    const be = utf16(text, true).subarray(2);
    expect(decodeBytes(le)).toEqual({
      ok: false,
      issues: [
        {
          severity: 'error',
          code: 'ENCODING',
          message: 'The file looks like UTF-16 little-endian without a byte-order mark (every other byte is 0); choose utf-16le as its encoding to read it',
        },
      ],
    });
    expect(decodeBytes(be)).toMatchObject({ ok: false, issues: [{ code: 'ENCODING', message: expect.stringContaining('UTF-16 big-endian') }] });
    expect(decodeBytes(le, { encoding: 'utf-16le' })).toEqual({ ok: true, text, encoding: 'utf-16le', bom: false });
    expect(decodeBytes(be, { encoding: 'utf-16be' })).toEqual({ ok: true, text, encoding: 'utf-16be', bom: false });
    // A UTF-8 file with a stray NUL or two is still read as UTF-8.
    expect(decodeBytes(utf8('a,b\n1,\0\n2,3\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('refuses files above the byte limit before decoding', () => {
    expect(decodeBytes(utf8('abcdef'), { limits: { ...DEFAULT_LIMITS, maxBytes: 5 } })).toMatchObject({ ok: false, issues: [{ code: 'TOO_LARGE' }] });
  });
});

describe('parseStrictNumber (R23)', () => {
  it('refuses everything outside the decimal grammar', () => {
    for (const bad of ['', ' ', '12abc', '0x10', '1,5', '1e400', '+Inf', 'Inf', 'NaN', 'Infinity', '-', '.', '1e', '1 2', '١٢'])
      expect(parseStrictNumber(bad)).toBeNull();
    expect(['0', '-0.5', '+3', '.5', '5.', '1e3', '2.5E-3', ' 7 '].map(parseStrictNumber)).toEqual([0, -0.5, 3, 0.5, 5, 1000, 0.0025, 7]);
  });

  it('gives back every finite double from its shortest decimal form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseStrictNumber(String(x))).toBe(x === 0 ? 0 : x);
      }),
      { seed: 23, numRuns: 1000 },
    );
  });
});
