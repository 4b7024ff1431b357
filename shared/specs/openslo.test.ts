import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatPath, parseOpenSlo, type OpenSloIssue, type OpenSloObject, type OpenSloResult } from './openslo';
import { MAX_SPEC_BYTES } from './spec-limits';

// The project's own OpenSLO files; conformance/openslo/ checks upstream's examples and oslo's verdicts.
const FIXTURES = new URL('../../fixtures/specs/openslo/', import.meta.url);
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(name, FIXTURES)), 'utf8');

function objectsOf(result: OpenSloResult): OpenSloObject[] {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.objects;
}

function issuesOf(result: OpenSloResult): OpenSloIssue[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.issues;
}

const brief = (issues: OpenSloIssue[]) => issues.map((i) => ({ index: i.index, path: i.path, code: i.code }));

/** A one-object v1 file of a kind with the given spec (YAML text indented under spec:). */
const v1 = (kind: string, spec: string, name = 'example') => `apiVersion: openslo/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

const RATIO_SLI = `  ratioMetric:
    good:
      metricSource:
        spec: { query: good }
    total:
      metricSource:
        spec: { query: total }
`;

describe('parseOpenSlo', () => {
  it('reads one object of each v1 kind from a multi-document file, with their fields', () => {
    const objects = objectsOf(parseOpenSlo(fixture('chatbot-v1.yaml'), 'chatbot-v1.yaml'));
    expect(objects.map((o) => o.kind)).toEqual(['Service', 'DataSource', 'SLI', 'SLO', 'AlertCondition', 'AlertNotificationTarget', 'AlertPolicy']);
    const [service, , sli, slo, condition] = objects;
    expect(service).toMatchObject({ metadata: { name: 'chatbot', labels: { team: 'assistants', tier: ['gold'] } } });
    expect(sli?.kind === 'SLI' && sli.spec.ratioMetric?.good?.metricSource.metricSourceRef).toBe('prometheus');
    expect(slo?.kind === 'SLO' && slo.apiVersion === 'openslo/v1' && slo.spec.objectives.map((o) => o.target)).toEqual([0.99, 0.995]);
    expect(condition?.kind === 'AlertCondition' && condition.spec.condition).toEqual({
      kind: 'burnrate',
      op: 'gte',
      threshold: 14.4,
      lookbackWindow: '1h',
      alertAfter: '5m',
    });
  });

  it('keeps a calendar start time as the text written, not a date', () => {
    const [slo] = objectsOf(parseOpenSlo(fixture('calendar-slo-inline.yaml'), 'calendar-slo-inline.yaml'));
    expect(slo?.kind === 'SLO' && slo.apiVersion === 'openslo/v1' && slo.spec.timeWindow?.[0]?.calendar).toEqual({
      startTime: '2026-01-01 00:00:00',
      timeZone: 'Europe/Berlin',
    });
  });

  it('reads a YAML list of objects and the same list in JSON into the same objects', () => {
    const fromYaml = objectsOf(parseOpenSlo(fixture('services-list.yaml'), 'services-list.yaml'));
    expect(fromYaml.map((o) => o.metadata.name)).toEqual(['search', 'payments']);
    expect(objectsOf(parseOpenSlo(fixture('services-list.json'), 'services-list.json'))).toEqual(fromYaml);
  });

  it('reads a v1alpha Service and SLO with its count and unit window', () => {
    const [service, slo] = objectsOf(parseOpenSlo(fixture('chatbot-v1alpha.yaml'), 'chatbot-v1alpha.yaml'));
    expect(service).toEqual({
      apiVersion: 'openslo/v1alpha',
      kind: 'Service',
      metadata: { name: 'chatbot' },
      spec: { description: 'Answers customer questions.' },
    });
    expect(slo?.kind === 'SLO' && slo.apiVersion === 'openslo/v1alpha' && slo.spec.timeWindows).toEqual([{ count: 28, unit: 'Day', isRolling: true }]);
  });

  it('reads a v1 Service without a spec as an empty spec, as oslo does', () => {
    const [service] = objectsOf(parseOpenSlo('apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: bare\n', 'bare.yaml'));
    expect(service?.spec).toEqual({});
  });

  it('refuses every bad object of a file, naming the file, the object by index, kind and name, and the field', () => {
    const issues = issuesOf(parseOpenSlo(fixture('invalid-mixed.yaml'), 'invalid-mixed.yaml'));
    expect(brief(issues)).toEqual([
      { index: 1, path: 'spec.objectives[0].op', code: 'BAD_FIELD' },
      { index: 2, path: 'kind', code: 'UNKNOWN_KIND' },
    ]);
    expect(issues[0]).toMatchObject({ file: 'invalid-mixed.yaml', kind: 'SLO', name: 'search-availability', line: 27 });
    expect(issues[0]?.message).toBe(
      'invalid-mixed.yaml, object at index 1 (SLO "search-availability") (line 27): spec.objectives[0].op is forbidden: the indicator is a ratio metric',
    );
    expect(issues[1]?.message).toContain('kind "Dashboard" is not a kind of openslo/v1: use one of Service, SLI, SLO, DataSource, AlertPolicy');
  });

  it('skips empty documents, such as the one after a trailing ---', () => {
    const text = `---\n${v1('Service', '  {}', 'first')}\n---\n# nothing\n---\n`;
    expect(objectsOf(parseOpenSlo(text, 'trailing.yaml')).map((o) => o.metadata.name)).toEqual(['first']);
  });

  it('counts objects across the documents of a file, as oslo numbers them', () => {
    const text = `${v1('Service', '  {}', 'first')}\n---\n- ${v1('Service', '  {}', 'Second').replaceAll('\n', '\n  ')}\n`;
    expect(brief(issuesOf(parseOpenSlo(text, 'two.yaml')))).toEqual([{ index: 1, path: 'metadata.name', code: 'BAD_FIELD' }]);
  });

  it('refuses an apiVersion it does not read, naming it', () => {
    const issues = issuesOf(parseOpenSlo('apiVersion: openslo.com/v2alpha\nkind: Service\nmetadata:\n  name: x\n', 'next.yaml'));
    expect(issues[0]?.message).toBe(
      'next.yaml, object at index 0 (Service "x") (line 1): apiVersion "openslo.com/v2alpha" is not supported: use openslo/v1 or openslo/v1alpha',
    );
  });

  it('refuses a kind that v1alpha does not define', () => {
    const issues = issuesOf(parseOpenSlo(v1('SLI', RATIO_SLI).replace('openslo/v1', 'openslo/v1alpha'), 'a.yaml'));
    expect(issues[0]?.message).toContain('kind "SLI" is not a kind of openslo/v1alpha: use one of Service, SLO');
  });

  it('refuses labels on v1alpha metadata, which holds only a name and a display name', () => {
    const text = 'apiVersion: openslo/v1alpha\nkind: Service\nmetadata:\n  name: x\n  labels: { team: a }\n';
    expect(brief(issuesOf(parseOpenSlo(text, 'f.yaml')))).toEqual([{ index: 0, path: 'metadata.labels', code: 'UNKNOWN_FIELD' }]);
  });

  it('refuses unknown fields, as upstream decoding is strict', () => {
    expect(brief(issuesOf(parseOpenSlo(v1('Service', '  markdown: text'), 'f.yaml')))).toEqual([{ index: 0, path: 'spec.markdown', code: 'UNKNOWN_FIELD' }]);
  });

  it('refuses a missing required field as required', () => {
    expect(brief(issuesOf(parseOpenSlo(v1('AlertNotificationTarget', '  description: mail'), 'f.yaml')))).toEqual([
      { index: 0, path: 'spec.target', code: 'MISSING_FIELD' },
    ]);
  });

  it('refuses an SLI with both good and bad', () => {
    const both = RATIO_SLI.replace('    total:', '    bad:\n      metricSource:\n        spec: { query: bad }\n    total:');
    const issues = issuesOf(parseOpenSlo(v1('SLI', both), 'f.yaml'));
    expect(brief(issues)).toEqual([{ index: 0, path: 'spec.ratioMetric', code: 'BAD_FIELD' }]);
    expect(issues[0]?.message).toContain('needs exactly one of good or bad');
  });

  it('refuses an SLI with neither a threshold nor a ratio metric, and a metric source with an empty spec', () => {
    expect(brief(issuesOf(parseOpenSlo(v1('SLI', '  description: nothing'), 'f.yaml')))).toEqual([{ index: 0, path: 'spec', code: 'BAD_FIELD' }]);
    const empty = '  thresholdMetric:\n    metricSource:\n      spec: {}';
    expect(brief(issuesOf(parseOpenSlo(v1('SLI', empty), 'f.yaml')))).toEqual([
      { index: 0, path: 'spec.thresholdMetric.metricSource.spec', code: 'BAD_FIELD' },
    ]);
  });

  const slo = (objective: string, method = 'Occurrences', window = '    - duration: 28d\n      isRolling: true') =>
    v1(
      'SLO',
      `  service: s\n  indicator:\n    metadata:\n      name: i\n    spec:\n${RATIO_SLI.replace(/^(?=.)/gm, '    ')}  timeWindow:\n${window}\n  budgetingMethod: ${method}\n  objectives:\n    - ${objective}\n`,
    );

  it('accepts a ratio SLO with a target, and refuses op and value on its objective', () => {
    expect(parseOpenSlo(slo('target: 0.999'), 'f.yaml').ok).toBe(true);
    expect(brief(issuesOf(parseOpenSlo(slo('{ target: 0.999, op: gt, value: 1 }'), 'f.yaml')))).toEqual([
      { index: 0, path: 'spec.objectives[0].op', code: 'BAD_FIELD' },
      { index: 0, path: 'spec.objectives[0].value', code: 'BAD_FIELD' },
    ]);
  });

  it('requires timeSliceTarget and timeSliceWindow under Timeslices, and timeSliceWindow under RatioTimeslices', () => {
    expect(brief(issuesOf(parseOpenSlo(slo('target: 0.99', 'Timeslices'), 'f.yaml'))).map((i) => i.path)).toEqual([
      'spec.objectives[0].timeSliceTarget',
      'spec.objectives[0].timeSliceWindow',
    ]);
    expect(brief(issuesOf(parseOpenSlo(slo('target: 0.99', 'RatioTimeslices'), 'f.yaml'))).map((i) => i.path)).toEqual(['spec.objectives[0].timeSliceWindow']);
    expect(parseOpenSlo(slo('{ target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: 1m }', 'Timeslices'), 'f.yaml').ok).toBe(true);
  });

  it('refuses a target of 1, both target and targetPercent, and a duration without a unit', () => {
    expect(brief(issuesOf(parseOpenSlo(slo('target: 1'), 'f.yaml'))).map((i) => i.path)).toEqual(['spec.objectives[0].target']);
    expect(brief(issuesOf(parseOpenSlo(slo('{ target: 0.9, targetPercent: 90 }'), 'f.yaml'))).map((i) => i.path)).toEqual(['spec.objectives[0]']);
    expect(brief(issuesOf(parseOpenSlo(slo('target: 0.9', 'Occurrences', '    - duration: 28\n      isRolling: true'), 'f.yaml'))).map((i) => i.path)).toEqual([
      'spec.timeWindow[0].duration',
    ]);
  });

  it('refuses an unknown time zone, a start time that is no date, a rolling window with a calendar and a calendar window without one', () => {
    const calendar = (startTime: string, timeZone: string, rolling = false) =>
      `    - duration: 1M\n      isRolling: ${rolling}\n      calendar:\n        startTime: ${startTime}\n        timeZone: ${timeZone}`;
    const paths = (window: string) => brief(issuesOf(parseOpenSlo(slo('target: 0.9', 'Occurrences', window), 'f.yaml'))).map((i) => i.path);
    expect(paths(calendar('2026-01-01 00:00:00', 'Mars/Olympus'))).toEqual(['spec.timeWindow[0].calendar.timeZone']);
    expect(paths(calendar('2026-02-30 00:00:00', 'UTC'))).toEqual(['spec.timeWindow[0].calendar.startTime']);
    expect(paths(calendar('2026-02-01 00:00:00', 'UTC', true))).toEqual(['spec.timeWindow[0].calendar']);
    expect(paths('    - duration: 1M\n      isRolling: false')).toEqual(['spec.timeWindow[0].calendar']);
  });

  it('refuses a description longer than 1,050 characters and a display name longer than 63', () => {
    expect(parseOpenSlo(v1('Service', `  description: ${'x'.repeat(1050)}`), 'f.yaml').ok).toBe(true);
    expect(brief(issuesOf(parseOpenSlo(v1('Service', `  description: ${'x'.repeat(1051)}`), 'f.yaml')))).toEqual([
      { index: 0, path: 'spec.description', code: 'BAD_FIELD' },
    ]);
    const long = `apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: s\n  displayName: ${'D'.repeat(64)}\n`;
    expect(brief(issuesOf(parseOpenSlo(long, 'f.yaml')))).toEqual([{ index: 0, path: 'metadata.displayName', code: 'BAD_FIELD' }]);
  });

  it('refuses names that are not RFC-1123 labels, and a name of 64 characters', () => {
    for (const name of ['My-Service', 'my service', '-service', 'a.b', 'x'.repeat(64)]) {
      expect(brief(issuesOf(parseOpenSlo(v1('Service', '  {}', JSON.stringify(name)), 'f.yaml'))), name).toEqual([
        { index: 0, path: 'metadata.name', code: 'BAD_FIELD' },
      ]);
    }
    expect(parseOpenSlo(v1('Service', '  {}', 'x'.repeat(63)), 'f.yaml').ok).toBe(true);
  });

  it('refuses an alert policy with two conditions, none, or no notification target', () => {
    const policy = (conditions: string, targets = '    - targetRef: on-call') =>
      v1('AlertPolicy', `  conditions:\n${conditions}\n  notificationTargets:\n${targets}`);
    expect(parseOpenSlo(policy('    - conditionRef: fast-burn'), 'f.yaml').ok).toBe(true);
    expect(brief(issuesOf(parseOpenSlo(policy('    - conditionRef: a\n    - conditionRef: b'), 'f.yaml'))).map((i) => i.path)).toEqual(['spec.conditions']);
    expect(brief(issuesOf(parseOpenSlo(policy('    []'), 'f.yaml'))).map((i) => i.path)).toEqual(['spec.conditions']);
    expect(brief(issuesOf(parseOpenSlo(policy('    - conditionRef: a', '    []'), 'f.yaml'))).map((i) => i.path)).toEqual(['spec.notificationTargets']);
  });

  it('refuses a v1alpha ratio SLO under Timeslices without timeSliceTarget and value, as oslo reports', () => {
    const text = fixture('chatbot-v1alpha.yaml').replace('budgetingMethod: Occurrences', 'budgetingMethod: Timeslices').replace('      value: 1\n', '');
    expect(brief(issuesOf(parseOpenSlo(text, 'f.yaml')))).toEqual([
      { index: 1, path: 'spec.objectives[0].timeSliceTarget', code: 'BAD_FIELD' },
      { index: 1, path: 'spec.objectives[0].value', code: 'BAD_FIELD' },
    ]);
  });

  it('refuses malformed YAML with its line, and a file with no object', () => {
    const [bad] = issuesOf(parseOpenSlo('apiVersion: openslo/v1\nkind: [Service\n', 'bad.yaml'));
    expect(bad).toMatchObject({ file: 'bad.yaml', index: null, code: 'BAD_YAML', line: 3 });
    expect(bad?.message).toMatch(/^bad\.yaml \(line 3, column \d+\): \S/);
    expect(issuesOf(parseOpenSlo('# nothing here\n', 'empty.yaml'))[0]?.message).toBe('empty.yaml: The file holds no OpenSLO object');
    expect(issuesOf(parseOpenSlo('[1, 2', 'bad.json'))[0]).toMatchObject({ code: 'BAD_JSON', index: null });
  });

  it('refuses duplicate keys and YAML 1.1 tags instead of guessing', () => {
    expect(issuesOf(parseOpenSlo('kind: Service\nkind: SLO\n', 'dup.yaml'))[0]?.code).toBe('BAD_YAML');
    expect(issuesOf(parseOpenSlo('kind: !!binary aGVsbG8=\n', 'tag.yaml'))[0]?.code).toBe('BAD_YAML');
  });

  it('refuses a billion-laughs file quickly, without expanding its aliases', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let n = 1; n < 9; n++)
      levels.push(
        `${String.fromCharCode(97 + n)}: &${String.fromCharCode(97 + n)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + n)}`)
          .join(',')}]`,
      );
    const started = performance.now();
    const issues = issuesOf(parseOpenSlo(`${levels.join('\n')}\n`, 'laughs.yaml'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(issues.map((i) => i.code)).toContain('ALIAS');
  });

  it('refuses a file nested deeper than the YAML limit and one larger than it', () => {
    expect(issuesOf(parseOpenSlo(`${'['.repeat(100_000)}`, 'deep.yaml'))[0]?.code).toBe('TOO_DEEP');
    expect(issuesOf(parseOpenSlo(`${'['.repeat(100_000)}`, 'deep.json'))[0]?.code).toBe('TOO_DEEP');
    expect(issuesOf(parseOpenSlo(`# ${'x'.repeat(MAX_SPEC_BYTES)}\n`, 'big.yaml'))[0]).toMatchObject({
      code: 'TOO_LARGE',
      message: 'big.yaml: The file is 64.1 MiB; at most 64 MiB of YAML is accepted',
    });
  });

  it('prints field paths as oslo does', () => {
    expect(formatPath(['spec', 'objectives', 0, 'op'])).toBe('spec.objectives[0].op');
    expect(formatPath([0, 'kind'])).toBe('[0].kind');
    expect(formatPath([])).toBe('');
  });

  it('never throws on arbitrary text or arbitrary YAML and JSON values, and every issue names the file', () => {
    const check = (text: string, fileName: string) => {
      const result = parseOpenSlo(text, fileName);
      if (!result.ok) {
        expect(result.issues.length).toBeGreaterThan(0);
        for (const i of result.issues) expect(i.message.startsWith(fileName)).toBe(true);
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => check(text, 'any.yaml')));
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => check(stringify(value), 'value.yaml')));
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => check(JSON.stringify(value) ?? '', 'value.json')));
    const envelope = fc.record({
      apiVersion: fc.constantFrom('openslo/v1', 'openslo/v1alpha', 'v9'),
      kind: fc.constantFrom('Service', 'SLI', 'SLO', 'DataSource', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget'),
      metadata: fc.oneof(fc.record({ name: fc.string() }), fc.jsonValue()),
      spec: fc.jsonValue({ maxDepth: 4 }),
    });
    fc.assert(fc.property(fc.array(envelope, { maxLength: 3 }), (objects) => check(stringify(objects), 'objects.yaml')));
  });
});
