// Untrusted YAML is checked for size and nesting with the yaml package's own lexer (linear, no recursion) before the
// parser sees it: deeply nested input such as '['.repeat(100000) aborts Node inside the parser (docs/reliability.md, R21).
import {
  CST,
  Lexer,
  LineCounter,
  parseAllDocuments,
  visit,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type ToJSOptions,
  type YAMLError,
} from 'yaml';
import { positionOf } from './json-guard';
import type { ImportIssue } from './types';

/** Where in a file an issue lies: 1-based line and column, or nothing when it has no place (the whole file). */
export type IssuePlace = { line?: number; column?: number };

/** An error of an imported YAML file, with its stable code and its place when it has one. */
export function yamlIssue(code: string, message: string, place: IssuePlace = {}): ImportIssue {
  return { severity: 'error', code, message, ...place };
}

/** The outcome of an import: the value, or every issue found (never an exception). */
export type ImportResult<T> = { ok: true; value: T } | { ok: false; issues: ImportIssue[] };

/** Largest YAML text accepted, in UTF-8 bytes. */
export const MAX_YAML_BYTES = 256 * 1024;

/** Deepest nesting accepted (block levels, compact indicators and flow brackets together); real specs stay under 15. */
export const MAX_YAML_DEPTH = 64;

/** The size and nesting a YAML text may have; every alias is refused whatever the limits (so nothing is ever expanded). */
export type YamlLimits = { maxBytes: number; maxDepth: number };

/** Limits of the small YAML files (AlertWindows, scenarios): 256 KiB, 64 levels. Spec files have their own (shared/specs/spec-limits.ts). */
export const YAML_LIMITS: YamlLimits = { maxBytes: MAX_YAML_BYTES, maxDepth: MAX_YAML_DEPTH };

/** Options of every untrusted parse: YAML 1.2 core schema, no duplicate keys, no aliases, no merge keys, no 1.1 tags. */
export const SAFE_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions = {
  version: '1.2',
  schema: 'core',
  strict: true,
  uniqueKeys: true,
  maxAliasCount: 0,
  merge: false,
  prettyErrors: true,
  // !!binary, !!timestamp and friends are YAML 1.1 extras; left unresolved they become warnings, which are refused.
  resolveKnownTags: false,
};

// Tokens the lexer adds that are not source text, so they do not advance the offset.
const CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** Number of bytes the text takes in UTF-8, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Refuses text that is too large or nested too deeply, before any parsing. Depth counts block indentation levels,
 * compact indicators on a line ("- - - x") and open flow brackets; the scan stops at the first level too deep.
 */
export function prescanYaml(text: string, maxDepth = MAX_YAML_DEPTH, maxBytes = MAX_YAML_BYTES): ImportIssue | null {
  const bytes = utf8Length(text);
  if (bytes > maxBytes) {
    return yamlIssue('TOO_LARGE', `The file is ${sizeText(bytes)}; at most ${sizeText(maxBytes)} of YAML is accepted`);
  }
  const indents: number[] = [];
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let onLine = 0;
  let flow = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    const here = offset;
    if (!CONTROL_TOKENS.has(token)) offset += token.length;
    if (type === 'newline') {
      lineStart = offset;
      atLineStart = true;
      onLine = 0;
      continue;
    }
    if (type === 'space' || type === 'comment' || type === 'doc-mode' || type === 'byte-order-mark') continue;
    if (type === 'doc-start' || type === 'doc-end') {
      indents.length = 0;
      continue;
    }
    if (atLineStart && flow === 0) {
      const indent = here - lineStart;
      while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
    }
    atLineStart = false;
    if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') onLine++;
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    if (type === 'flow-seq-end' || type === 'flow-map-end' || type === 'flow-error-end') flow = Math.max(0, flow - 1);
    if (indents.length + onLine + flow > maxDepth) {
      return yamlIssue('TOO_DEEP', `The YAML is nested more than ${maxDepth} levels deep`, positionOf(text, here));
    }
  }
  return null;
}

/** A size in KiB, or in MiB from 1 MiB up (whole units rounded up, so a file just over a limit never reads as equal to it). */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** The first sentence of a yaml error, without the excerpt prettyErrors appends. */
function issueOf(error: YAMLError): ImportIssue {
  const message = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  const at = error.linePos?.[0];
  return yamlIssue('BAD_YAML', message, at ? { line: at.line, column: at.col } : {});
}

/**
 * The refusal of a document's first alias, or null when it has none. Aliases are never resolved, so an alias bomb
 * (billion laughs) costs no more than its text; the walk stops at the first one, so thousands of them give one issue.
 */
function firstAlias(doc: Document.Parsed, lineCounter: LineCounter): ImportIssue | null {
  let found: ImportIssue | null = null;
  visit(doc, {
    Alias(_key, node) {
      found = yamlIssue('ALIAS', `Aliases (*${node.source}) are not accepted: write each value out`, locate(lineCounter, node.range?.[0] ?? 0));
      return visit.BREAK;
    },
  });
  return found;
}

/** One parsed YAML document with the line counter that turns its node offsets into lines and columns. */
export type SafeYaml = { doc: Document.Parsed; lineCounter: LineCounter };

/**
 * Parses untrusted YAML that must hold exactly one document: pre-scanned for size and depth, parsed with
 * SAFE_YAML_OPTIONS, and refused on any error or warning (duplicate keys, unknown tags) and on any alias.
 */
export function parseYamlSafely(text: string, limits: YamlLimits = YAML_LIMITS): ImportResult<SafeYaml> {
  const tooBig = prescanYaml(text, limits.maxDepth, limits.maxBytes);
  if (tooBig) return { ok: false, issues: [tooBig] };
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...SAFE_YAML_OPTIONS, lineCounter });
  const docs = Array.isArray(parsed) ? parsed : [];
  if (docs.length === 0) return { ok: false, issues: [yamlIssue('NO_DOCUMENT', 'The file holds no YAML document')] };
  const issues = docs.flatMap((d) => [...d.errors, ...d.warnings].map(issueOf));
  if (issues.length > 0) return { ok: false, issues };
  if (docs.length > 1) {
    const at = docs[1]!.range[0];
    return {
      ok: false,
      issues: [yamlIssue('MANY_DOCUMENTS', `The file holds ${docs.length} YAML documents; exactly one is expected`, locate(lineCounter, at))],
    };
  }
  const doc = docs[0]!;
  const alias = firstAlias(doc, lineCounter);
  if (alias) issues.push(alias);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { doc, lineCounter } };
}

/** Line and column (1-based) of an offset, through a parse's line counter. */
export function locate(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** Line and column of the node at a path, or of its nearest ancestor that exists (for a missing key). */
export function locatePath(yaml: SafeYaml, path: readonly PropertyKey[]): IssuePlace {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, n) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return locate(yaml.lineCounter, range[0]);
  }
  return {};
}

/**
 * Parses untrusted YAML that may hold several documents (a spec file with `---` between its specs), with the limits
 * and refusals of parseYamlSafely; documents holding nothing (a trailing `---`, only comments) are left out.
 */
export function parseYamlDocumentsSafely(text: string, limits: YamlLimits = YAML_LIMITS): ImportResult<SafeYaml[]> {
  const tooBig = prescanYaml(text, limits.maxDepth, limits.maxBytes);
  if (tooBig) return { ok: false, issues: [tooBig] };
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...SAFE_YAML_OPTIONS, lineCounter });
  const all = Array.isArray(parsed) ? parsed : [];
  const issues = all.flatMap((d) => [...d.errors, ...d.warnings].map(issueOf));
  if (issues.length > 0) return { ok: false, issues };
  const docs = all.filter((d) => d.contents !== null);
  if (docs.length === 0) return { ok: false, issues: [yamlIssue('NO_DOCUMENT', 'The file holds no YAML document')] };
  for (const doc of docs) {
    const alias = firstAlias(doc, lineCounter);
    if (alias) return { ok: false, issues: [alias] };
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: docs.map((doc) => ({ doc, lineCounter })) };
}
