// Messages quote file content: its control characters (NUL, escape sequences, line breaks) are written as escapes so a
// message never carries them raw to a terminal, a log or a dialog.

// C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const SHORT: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The text with each control character written as \t, \n, \r or \uXXXX; other characters unchanged. */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
