import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseDuration, type AlertWindowSet } from '#shared/budget/alerts';
import { prometheusRulesFile, type PrometheusRulesOptions } from '#shared/exporters/prometheus-rules';
import { importSlothAlertWindows } from '#shared/importers/sloth-alert-windows';
import { parseSlothSpecs } from '#shared/specs/sloth';
import { corpusPath, describeCorpus } from '../corpus';

const GENERATE = () => corpusPath('conformance', 'sloth/generate');
const EXAMPLES = () => corpusPath('conformance', 'sloth/examples');
const VERSION = 'v0.0.0-conformance';

// The golden pairs of Sloth's CLI integration test (generate/cases.tsv), by case name.
const GENERATE_CASES = ['base', 'base-k8s', 'multifile-k8s', 'no-alerts', 'no-recordings', 'extra-labels', 'multifile', 'period-28d', 'custom-windows-7d'];
const GENERATE_REFUSED = ['invalid-version'];
const GENERATE_UNSUPPORTED: Record<string, string> = {
  'openslo-v1alpha': 'an OpenSLO v1alpha input: the OpenSLO importer, not the Sloth spec reader, handles it',
};

// Sloth's examples/ and the rules examplesgen.sh made of them (version dev, --extra-labels cmd=examplesgen.sh).
const EXAMPLE_CASES = [
  'k8s-getting-started.yml',
  'k8s-home-wifi.yml',
  'k8s-multifile.yml',
  'getting-started.yml',
  'home-wifi.yml',
  'kubernetes-apiserver.yml',
  'multifile.yml',
  'no-alerts.yml',
  'raw-home-wifi.yml',
];
const EXAMPLE_UNSUPPORTED: Record<string, string> = {
  'contrib-denominator-corrected.yaml': 'uses a Sloth SLO plugin (sloth.dev/contrib), whose rules come from plugin code',
  'contrib-slo-plugins.yml': 'uses Sloth SLO plugins (sloth.dev/contrib), whose rules come from plugin code',
  'victoria-metrics.yml': 'declares an SLO plugin chain (slo_plugins with sloth.dev/contrib/validate_victoria_metrics/v1)',
  'slo-plugin-getting-started.yml': 'uses an SLO plugin chain (sloth.dev/core/debug/v1)',
  'slo-plugin-k8s-getting-started.yml': 'a Kubernetes CRD input with an SLO plugin chain',
  'openslo-getting-started.yml': 'an OpenSLO v1alpha input: the OpenSLO importer handles it',
  'openslo-kubernetes-apiserver.yml': 'an OpenSLO v1alpha input: the OpenSLO importer handles it',
};

type Case = { name: string; input: string; flags: string; expected: string; expectError: boolean };

function generateCases(): Case[] {
  const [, ...rows] = readFileSync(join(GENERATE(), 'cases.tsv'), 'utf8').trimEnd().split('\n');
  return rows.map((row) => {
    const [name, input, flags, expected, expectError] = row.split('\t') as [string, string, string, string, string];
    return { name, input, flags, expected, expectError: expectError === 'true' };
  });
}

/** The golden template rendered with the README's two substitutions. */
function render(template: string, version: string): string {
  return template.replaceAll('{{ .version }}', version).replace(/\{\{"\{\{(.*?)\}\}"\}\}/g, '{{$1}}');
}

function windowsIn(dir: string): AlertWindowSet[] {
  return readdirSync(dir).map((file) => {
    const set = importSlothAlertWindows(readFileSync(join(dir, file), 'utf8'));
    if (!set.ok) throw new Error(`${file}: ${JSON.stringify(set.issues)}`);
    return set.value;
  });
}

/** The options `sloth generate` takes from the case's flags. */
function optionsOf(flags: string, version: string): PrometheusRulesOptions {
  const words = flags.split(/\s+/).filter((w) => w !== '');
  const options: PrometheusRulesOptions = { generatorVersion: version };
  let windowsDir: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--disable-alerts') options.disableAlerts = true;
    else if (word === '--disable-recordings') options.disableRecordings = true;
    else if (word === '-l' || word === '--extra-labels') {
      const [key, value] = words[++i]!.split('=') as [string, string];
      options.extraLabels = { ...options.extraLabels, [key]: value };
    } else if (word === '--default-slo-period') {
      const period = parseDuration(words[++i]!);
      if (!period.ok) throw new Error(period.message);
      options.periodMinutes = period.value;
    } else if (word === '--slo-period-windows-path') windowsDir = join(GENERATE(), words[++i]!);
    else throw new Error(`flag ${word} is not mapped to an option`);
  }
  if (windowsDir) {
    const period = options.periodMinutes ?? 30 * 1440;
    options.windows = windowsIn(windowsDir).find((set) => set.periodMinutes === period);
    if (!options.windows) throw new Error(`no window set for the period in ${windowsDir}`);
  }
  return options;
}

function generated(inputPath: string, options: PrometheusRulesOptions): string {
  const specs = parseSlothSpecs(readFileSync(inputPath, 'utf8'));
  if (!specs.ok) throw new Error(JSON.stringify(specs.issues));
  const rules = prometheusRulesFile(specs.value, options);
  if (!rules.ok) throw new Error(rules.message);
  return rules.value;
}

describeCorpus('conformance', "prometheusRules on Sloth's golden pairs (generate/cases.tsv)", () => {
  it('lists every case of cases.tsv here, as compared, refused or skipped with its reason', () => {
    const named = [...GENERATE_CASES, ...GENERATE_REFUSED, ...Object.keys(GENERATE_UNSUPPORTED)].sort();
    expect(
      generateCases()
        .map((c) => c.name)
        .sort(),
    ).toEqual(named);
  });

  for (const name of GENERATE_CASES) {
    it(`writes the same bytes as sloth generate for the ${name} case`, () => {
      const c = generateCases().find((x) => x.name === name)!;
      const want = render(readFileSync(join(GENERATE(), c.expected), 'utf8'), VERSION);
      expect(generated(join(GENERATE(), c.input), optionsOf(c.flags, VERSION))).toBe(want);
    });
  }

  it('refuses the invalid-version input, naming the document and the version field', () => {
    const c = generateCases().find((x) => x.name === 'invalid-version')!;
    expect(c.expectError).toBe(true);
    const specs = parseSlothSpecs(readFileSync(join(GENERATE(), c.input), 'utf8'));
    expect(specs.ok).toBe(false);
    if (!specs.ok) expect(specs.issues[0]).toMatchObject({ code: 'BAD_FIELD', message: 'Document 1 version: must be prometheus/v1', line: 1 });
  });

  for (const [name, reason] of Object.entries(GENERATE_UNSUPPORTED)) it.skip(`${name}: not compared, ${reason}`, () => {});
});

describeCorpus('conformance', "prometheusRules on Sloth's examples (examples/_gen, made by examplesgen.sh)", () => {
  it('lists every example here, as compared or skipped with its reason', () => {
    const named = [...EXAMPLE_CASES, ...Object.keys(EXAMPLE_UNSUPPORTED)].sort();
    expect(readdirSync(join(EXAMPLES(), 'inputs')).sort()).toEqual(named);
  });

  for (const name of EXAMPLE_CASES) {
    it(`writes the same bytes as examples/_gen/${name}`, () => {
      const want = readFileSync(join(EXAMPLES(), 'expected', name), 'utf8');
      const options = { generatorVersion: 'dev', extraLabels: { cmd: 'examplesgen.sh' } };
      expect(generated(join(EXAMPLES(), 'inputs', name), options)).toBe(want);
    });
  }

  for (const [name, reason] of Object.entries(EXAMPLE_UNSUPPORTED)) it.skip(`${name}: not compared, ${reason}`, () => {});
});
