import { describe, expect, it } from 'vitest';
import { goKeyLess, goMap, goStringMap, goYamlMarshal } from './go-yaml';

const value = (text: string) => goYamlMarshal(goMap([['k', text]]));

describe('the yaml.v2 writer', () => {
  it('sorts map keys as yaml.v2 does: numbers in keys by value, a non-letter before a letter', () => {
    expect(goStringMap({ a10: '', a9: '', sloth_id: '', slothid: '', B: '', a: '' }).entries.map(([k]) => k)).toEqual([
      'B',
      'a',
      'a9',
      'a10',
      'sloth_id',
      'slothid',
    ]);
    expect(goKeyLess('alert01k1', 'alert03k1')).toBe(true);
    expect(goKeyLess('x', 'x')).toBe(false);
  });

  it('writes plain what reads back as the same string, and double-quotes what would read as a number or a boolean', () => {
    expect(value('svc01')).toBe('k: svc01\n');
    expect(['99.9', '95', 'true', 'yes', 'null', '', '0x1F', '2024-01-02'].map(value)).toEqual([
      'k: "99.9"\n',
      'k: "95"\n',
      'k: "true"\n',
      'k: "yes"\n',
      'k: "null"\n',
      'k: ""\n',
      'k: "0x1F"\n',
      'k: "2024-01-02"\n',
    ]);
  });

  it('single-quotes text that starts with an indicator or holds ": ", doubling its quotes', () => {
    expect(value('{{$labels.x}} is down')).toBe("k: '{{$labels.x}} is down'\n");
    expect(value("a: it's")).toBe("k: 'a: it''s'\n");
    expect(value('(page) {{$labels.x}}')).toBe('k: (page) {{$labels.x}}\n');
  });

  it('writes text with line breaks as a literal block, chomping as it ends', () => {
    expect(value('a\nb\n')).toBe('k: |\n  a\n  b\n');
    expect(value('a\n\nb')).toBe('k: |-\n  a\n\n  b\n');
    expect(value('a\n\n')).toBe('k: |+\n  a\n\n');
    expect(value(' a\nb')).toBe('k: |2-\n   a\n  b\n');
  });

  it('double-quotes with escapes what a block cannot hold: a space before a line break, a tab', () => {
    expect(value('a \nb')).toBe('k: "a \\nb"\n');
    expect(value('a\tb')).toBe('k: "a\\tb"\n');
  });

  it('folds a long plain line at the first space past column 80, indented under its key', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ');
    const lines = value(words).split('\n');
    expect(lines[0]).toBe('k: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12');
    expect(lines[1]).toBe('  word13 word14 word15 word16 word17 word18 word19');
  });

  it('writes sequences under a key without indenting them, and maps in a sequence after the dash', () => {
    const root = goMap([
      [
        'groups',
        [
          goMap([
            ['name', 'g'],
            ['rules', [goMap([['record', 'r']])]],
          ]),
        ],
      ],
    ]);
    expect(goYamlMarshal(root)).toBe('groups:\n- name: g\n  rules:\n  - record: r\n');
  });
});
