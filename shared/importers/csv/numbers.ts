// The one strict decimal grammar every CSV number goes through (R23): optional sign, digits with an optional
// fraction, an optional exponent, optional surrounding spaces. No hex, no thousands separators, no NaN or
// Infinity, nothing that overflows. Hand-written over charCodeAt so a field is read without copying it.

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// Exact powers of ten: a mantissa of at most 15 digits divided by one of them is the correctly rounded decimal.
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The finite number text[start, end) spells in the strict decimal grammar, or null. */
export function parseStrictSpan(text: string, start: number, end: number): number | null {
  // Most fields are plain digits (counts, epoch times): up to 15 of them accumulate exactly, in one loop.
  if (end - start <= 15) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === end && end > start) return value;
  }
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  let i = start;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (c === 43 || c === 45) c = text.charCodeAt(++i);
  let mantissa = 0;
  const intStart = i;
  while (i < end && isDigit(c)) {
    mantissa = mantissa * 10 + (c - 48);
    c = text.charCodeAt(++i);
  }
  const intDigits = i - intStart;
  // Up to 15 digits a mantissa accumulates exactly in a double.
  if (i === end && intDigits > 0 && intDigits <= 15) return negative ? -mantissa : mantissa;
  let fracDigits = 0;
  if (i < end && c === 46) {
    c = text.charCodeAt(++i);
    while (i < end && isDigit(c)) {
      fracDigits++;
      mantissa = mantissa * 10 + (c - 48);
      c = text.charCodeAt(++i);
    }
  }
  if (intDigits + fracDigits === 0) return null;
  if (i === end && intDigits + fracDigits <= 15) {
    const value = mantissa / POW10[fracDigits]!;
    return negative ? -value : value;
  }
  if (i < end && (c === 101 || c === 69)) {
    c = text.charCodeAt(++i);
    if (c === 43 || c === 45) c = text.charCodeAt(++i);
    const expStart = i;
    while (i < end && isDigit(c)) c = text.charCodeAt(++i);
    if (i === expStart) return null;
  }
  if (i !== end) return null;
  // The grammar has been checked above; converting a valid decimal gives the nearest double.
  const parsed = +text.slice(start, end);
  return Number.isFinite(parsed) ? parsed : null;
}

/** The finite number a text spells in the strict decimal grammar (surrounding spaces allowed), or null. */
export function parseStrictNumber(text: string): number | null {
  return parseStrictSpan(text, 0, text.length);
}
