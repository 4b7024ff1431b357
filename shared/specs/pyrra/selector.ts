// Prometheus vector selectors, the only PromQL a Pyrra ServiceLevelObjective holds: `metric{label="value",…}`. Pyrra
// parses each `metric` field with Prometheus' parser and refuses anything but a VectorSelector (servicelevelobjective_types.go
// Internal), so ranges, offsets, functions and operators are refused here too.
import { quoteGo } from '../../exporters/names';

/** A label matcher's operator. */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/** One label matcher of a selector: code=~"5..". */
export type Matcher = { name: string; op: MatchOp; value: string };

/** A vector selector: the metric name ('' when only matchers name the series) and its label matchers, in written order. */
export type Selector = { metric: string; matchers: Matcher[] };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const OPERATOR = /^(=~|!~|!=|=)/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };

// \xNN, \uNNNN and \UNNNNNNNN, as Go's strconv.Quote (and so formatSelector) writes characters that are not printable.
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A quoted PromQL string at the start of the text: its value and the characters it took, or null when it is not closed. */
function readString(text: string): { value: string; length: number } | null {
  const quote = text[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return null;
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === quote) return { value, length: i + 1 };
    if (c === '\\' && quote !== '`') {
      const next = text[i + 1] ?? '';
      const digits = HEX_DIGITS[next];
      if (digits) {
        const hex = text.slice(i + 2, i + 2 + digits);
        if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex) || Number.parseInt(hex, 16) > 0x10ffff) return null;
        value += String.fromCodePoint(Number.parseInt(hex, 16));
        i += 1 + digits;
        continue;
      }
      if (ESCAPES[next] === undefined) return null;
      value += ESCAPES[next];
      i++;
    } else if (c === '\n' && quote !== '`') return null;
    else value += c;
  }
  return null;
}

/** Parses a vector selector, or says why the text is not one (naming what Pyrra wants instead). */
export function parseSelector(input: string): { ok: true; value: Selector } | { ok: false; message: string } {
  const text = input.trim();
  const fail = (why: string) => ({ ok: false as const, message: `${why}: Pyrra wants a metric selector such as http_requests_total{code=~"5.."}` });
  const name = METRIC_NAME.exec(text)?.[0] ?? '';
  let rest = text.slice(name.length).trimStart();
  const matchers: Matcher[] = [];
  if (rest.startsWith('{')) {
    rest = rest.slice(1).trimStart();
    while (!rest.startsWith('}')) {
      const label = LABEL_NAME.exec(rest)?.[0];
      if (!label) return fail(`"${text}" has a label matcher without a label name`);
      rest = rest.slice(label.length).trimStart();
      const op = OPERATOR.exec(rest)?.[0] as MatchOp | undefined;
      if (!op) return fail(`"${text}" has no =, !=, =~ or !~ after the label ${label}`);
      rest = rest.slice(op.length).trimStart();
      const value = readString(rest);
      if (!value) return fail(`"${text}" has no quoted value for the label ${label}`);
      matchers.push({ name: label, op, value: value.value });
      rest = rest.slice(value.length).trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
      else if (!rest.startsWith('}')) return fail(`"${text}" has no comma or } after the matcher of ${label}`);
    }
    rest = rest.slice(1).trimStart();
  }
  if (rest !== '') return fail(`"${text}" is not a plain metric selector (it goes on with "${rest.slice(0, 20)}")`);
  if (name === '' && matchers.length === 0) return fail(`"${text}" names no metric`);
  if (name === '' && !matchers.some((m) => m.name === '__name__')) return fail(`"${text}" names no metric (write the name before the braces)`);
  return { ok: true, value: { metric: name, matchers } };
}

/** A selector as Pyrra's examples write it: the metric, then the matchers in order, without spaces: a_total{code=~"5..",job="x"}. */
export function formatSelector(selector: Selector): string {
  if (selector.matchers.length === 0) return selector.metric;
  return `${selector.metric}{${selector.matchers.map((m) => `${m.name}${m.op}${quoteGo(m.value)}`).join(',')}}`;
}

/** The value of a selector's first matcher of a label with `=`, or null: the `le` of a histogram bucket. */
export function equalityValue(selector: Selector, label: string): string | null {
  return selector.matchers.find((m) => m.name === label && m.op === '=')?.value ?? null;
}

/** The selector without the matchers of a label. */
export function withoutLabel(selector: Selector, label: string): Selector {
  return { metric: selector.metric, matchers: selector.matchers.filter((m) => m.name !== label) };
}
