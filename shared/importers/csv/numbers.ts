// The one strict decimal grammar every CSV number goes through (R23): optional sign, digits with an optional
// fraction, an optional exponent. No hex, no thousands separators, no NaN or Infinity, nothing that overflows.

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The finite number a text spells in the strict decimal grammar (surrounding spaces allowed), or null. */
export function parseStrictNumber(text: string): number | null {
  let s = text;
  if (s.length > 0 && (s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32)) s = s.trim();
  if (!DECIMAL.test(s)) return null;
  // The grammar has been checked above; the conversion of a valid decimal string is exact to the nearest double.
  const value = +s;
  return Number.isFinite(value) ? value : null;
}
