// Untrusted JSON is checked for size and nesting with a linear scan before JSON.parse sees it: deep nesting such as
// '['.repeat(100000) would otherwise overflow the stack in the parser or in code walking the result (docs/reliability.md R20).
import { DEFAULT_LIMITS, type ImportIssue, type ImportLimits } from './types';
import { checkSize } from './minute-buckets';

/** 1-based line and column of an offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A TOO_DEEP issue when the JSON text nests deeper than the limit (counted outside strings), else null. */
export function checkDepth(text: string, limits: ImportLimits = DEFAULT_LIMITS): ImportIssue | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limits.maxDepth) {
        return { severity: 'error', code: 'TOO_DEEP', message: `The JSON is nested more than ${limits.maxDepth} levels deep`, ...positionOf(text, i) };
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

/** A TOO_LARGE or TOO_DEEP issue when the JSON text exceeds the limits (nesting counted outside strings), else null. */
export function prescanJson(text: string, limits: ImportLimits = DEFAULT_LIMITS): ImportIssue | null {
  return checkSize(text, limits) ?? checkDepth(text, limits);
}

/** The parsed value of a JSON text within the limits, or the located issue that stopped it. */
export function parseJsonSafely(text: string, limits: ImportLimits = DEFAULT_LIMITS): { ok: true; value: unknown } | { ok: false; issue: ImportIssue } {
  const refused = prescanJson(text, limits);
  if (refused !== null) return { ok: false, issue: refused };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const place = at === null ? {} : positionOf(text, Number.parseInt(at[1]!, 10));
    return { ok: false, issue: { severity: 'error', code: 'BAD_JSON', message: `The file is not valid JSON: ${message}`, ...place } };
  }
}
