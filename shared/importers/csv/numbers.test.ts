import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictSpan } from './numbers';

// The grammar spelled as a regular expression, and JavaScript's own conversion as the reference value.
const GRAMMAR = /^ *[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)? *$/;
function reference(text: string): number | null {
  if (!GRAMMAR.test(text)) return null;
  const value = Number(text.trim());
  return Number.isFinite(value) ? value : null;
}

describe('parseStrictSpan', () => {
  it('gives exactly the nearest double of every decimal in the grammar, and null for anything else, read in place', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), maxLength: 20 });
    const piece = fc.oneof(digits, fc.constantFrom('+', '-', '.', 'e', 'E', 'e-', ' ', 'x', ',', '1e400', '0000'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.string({ maxLength: 3 }), (parts, pad) => {
        const text = parts.join('');
        const within = `${pad}${text}${pad}`;
        const got = parseStrictSpan(within, pad.length, pad.length + text.length);
        const want = reference(text);
        // toBe compares with Object.is, so the sign of zero must match too.
        expect(got).toBe(want);
      }),
      { seed: 23, numRuns: 3000 },
    );
  });

  it('reads fractions with up to 15 significant digits exactly as the language does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.integer({ min: 0, max: 15 }), (mantissa, scale) => {
        const text = String(mantissa).padStart(scale + 1, '0');
        const decimal = `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`;
        expect(parseStrictSpan(decimal, 0, decimal.length)).toBe(Number(decimal));
        expect(parseStrictSpan(`-${decimal}`, 0, decimal.length + 1)).toBe(-Number(decimal));
      }),
      { seed: 15, numRuns: 2000 },
    );
  });
});
