// A YAML writer that prints block mappings, sequences and strings byte for byte as Go's gopkg.in/yaml.v2 Marshal does
// (its emitter is a port of libyaml: plain, quoted or literal style per string, lines folded at a space past column 80,
// sequences not indented under their key). Sloth writes its rule files with yaml.v2, so rules we generate for a Sloth
// spec can be compared with Sloth's own output byte for byte; the `yaml` package folds and quotes differently.
import { utf8Length } from '../importers/yaml-guard';

/** A mapping whose entries keep the order given (a Go struct's fields, or label maps already sorted by goKeyLess). */
export type GoYamlMap = { kind: 'map'; entries: readonly (readonly [string, GoYamlNode])[] };

/** What the writer prints: strings, sequences and mappings. */
export type GoYamlNode = string | readonly GoYamlNode[] | GoYamlMap;

/** A mapping from ordered entries. */
export function goMap(entries: readonly (readonly [string, GoYamlNode])[]): GoYamlMap {
  return { kind: 'map', entries };
}

/** A string map as yaml.v2 writes a Go map[string]string: its keys in yaml.v2's order (goKeyLess). */
export function goStringMap(map: Record<string, string>): GoYamlMap {
  return goMap(
    Object.keys(map)
      .sort((a, b) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0))
      .map((key) => [key, map[key]!] as const),
  );
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

/**
 * yaml.v2's order of map keys (sorter.go): letters in code point order, a non-letter before a letter, runs of digits
 * compared as numbers (a9 before a10).
 */
export function goKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]!.codePointAt(0)! < br[i]!.codePointAt(0)!;
  }
  return ar.length < br.length;
}

const BOOL_NULL = new Set(
  'y Y yes Yes YES true True TRUE on On ON n N no No NO false False FALSE off Off OFF ~ null Null NULL .nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF <<'.split(
    ' ',
  ),
);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[0-7]*|0[bB][01]+|[1-9][0-9]*)$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(([Tt]| )\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{2}:\d{2})?)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when yaml.v2 reads the text unquoted as a string (resolve.go), so it may be written plain. */
function resolvesToString(text: string): boolean {
  if (text === '' || BOOL_NULL.has(text)) return false;
  const hint = text[0]!;
  if (hint === '.') return !Number.isFinite(Number(text)) || !/^\.[0-9]/.test(text);
  if (!/[-+0-9]/.test(hint)) return true;
  if (TIMESTAMP.test(text)) return false;
  const plain = text.replaceAll('_', '');
  if (GO_INT.test(plain) || /^-0[bB][01]+$/.test(plain)) return false;
  if (YAML_FLOAT.test(plain) && Number.isFinite(Number(plain))) return false;
  return !BASE60.test(text);
}

const isBreak = (c: number | undefined) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09;
const isPrintable = (c: number) => c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

type Style = 'plain' | 'single' | 'double' | 'literal';
type Analysis = { multiline: boolean; blockPlain: boolean; singleQuoted: boolean; block: boolean };

/** libyaml's yaml_emitter_analyze_scalar, for block context: which styles can carry the text. */
function analyze(cs: readonly number[]): Analysis {
  if (cs.length === 0) return { multiline: false, blockPlain: true, singleQuoted: true, block: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const text = String.fromCodePoint(...cs.slice(0, 3));
  if (text === '---' || text === '...') blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = i + 1 >= cs.length || isBlank(cs[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) blockIndicators = true;
    if (!isPrintable(c)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cs.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cs.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === 0;
  }
  const edges = leadingSpace || leadingBreak || trailingSpace || trailingBreak;
  return {
    multiline: lineBreaks,
    blockPlain: !(edges || breakSpace || spaceBreak || special || lineBreaks || blockIndicators),
    singleQuoted: !(breakSpace || spaceBreak || special),
    block: !(trailingSpace || spaceBreak || special),
  };
}

const DOUBLE_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

/** The emitter's state as libyaml keeps it: where the cursor is and what was last written. */
class Emitter {
  out = '';
  column = 0;
  indent = -1;
  private indents: number[] = [];
  whitespace = true;
  indention = true;

  put(text: string): void {
    this.out += text;
    this.column += [...text].length;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  node(node: GoYamlNode, mapping: boolean, simpleKey: boolean): void {
    if (typeof node === 'string') this.scalar(node, simpleKey);
    else if (Array.isArray(node)) this.sequence(node as readonly GoYamlNode[], mapping);
    else this.mapping(node as GoYamlMap);
  }

  private sequence(items: readonly GoYamlNode[], mapping: boolean): void {
    if (items.length === 0) return this.flowEmpty('[]');
    this.increaseIndent(false, mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  private mapping(map: GoYamlMap): void {
    if (map.entries.length === 0) return this.flowEmpty('{}');
    this.increaseIndent(false, false);
    for (const [key, value] of map.entries) {
      this.writeIndent();
      const simple = !analyze(codePoints(key)).multiline && utf8Length(key) <= 128;
      if (simple) {
        this.node(key, false, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, false, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, true, false);
    }
    this.popIndent();
  }

  private flowEmpty(text: string): void {
    this.writeIndicator(text, true, false, false);
  }

  private scalar(text: string, simpleKey: boolean): void {
    const cs = codePoints(text);
    const analysis = analyze(cs);
    let style: Style = text.includes('\n') ? 'literal' : resolvesToString(text) ? 'plain' : 'double';
    if (simpleKey && analysis.multiline) style = 'double';
    if (style === 'plain' && (!analysis.blockPlain || (cs.length === 0 && simpleKey))) style = 'single';
    if (style === 'single' && !analysis.singleQuoted) style = 'double';
    if (style === 'literal' && (!analysis.block || simpleKey)) style = 'double';
    this.increaseIndent(true, false);
    if (style === 'plain') this.plain(cs, !simpleKey);
    else if (style === 'single') this.singleQuoted(cs, !simpleKey);
    else if (style === 'double') this.doubleQuoted(cs, !simpleKey);
    else this.literal(cs);
    this.popIndent();
  }

  private foldsAt(cs: readonly number[], i: number, spaces: boolean, allowBreaks: boolean): boolean {
    return allowBreaks && !spaces && this.column > BEST_WIDTH && cs[i + 1] !== 0x20;
  }

  private plain(cs: readonly number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c === 0x20) {
        if (this.foldsAt(cs, i, spaces, allowBreaks)) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out += String.fromCodePoint(c);
      this.column = 0;
    }
  }

  private singleQuoted(cs: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (c === 0x20) {
        if (i > 0 && i < cs.length - 1 && this.foldsAt(cs, i, spaces, allowBreaks)) this.writeIndent();
        else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c === 0x27 ? "''" : String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private doubleQuoted(cs: readonly number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        const named = DOUBLE_ESCAPES[c];
        if (named) this.put(`\\${named}`);
        else if (c <= 0xff) this.put(`\\x${c.toString(16).toUpperCase().padStart(2, '0')}`);
        else if (c <= 0xffff) this.put(`\\u${c.toString(16).toUpperCase().padStart(4, '0')}`);
        else this.put(`\\U${c.toString(16).toUpperCase().padStart(8, '0')}`);
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1) {
          this.writeIndent();
          if (cs[i + 1] === 0x20) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private literal(cs: readonly number[]): void {
    this.writeIndicator('|', true, false, false);
    if (cs[0] === 0x20 || isBreak(cs[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const last = cs.length - 1;
    if (!isBreak(cs[last])) this.writeIndicator('-', false, false, false);
    else if (last === 0 || isBreak(cs[last - 1])) this.writeIndicator('+', false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cs) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
  }
}

function codePoints(text: string): number[] {
  return [...text].map((c) => c.codePointAt(0)!);
}

/** One YAML document as yaml.v2's Marshal writes it: the root node, then a line break. */
export function goYamlMarshal(root: GoYamlNode): string {
  const emitter = new Emitter();
  emitter.node(root, false, false);
  emitter.writeIndent();
  return emitter.out;
}
