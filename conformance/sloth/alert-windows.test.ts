import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { alertRows, SLOTH_28D, SLOTH_30D, type AlertWindowSet } from '#shared/budget/alerts';
import { detectSlothAlertWindows, importSlothAlertWindows } from '#shared/importers/sloth-alert-windows';
import { corpusPath, describeCorpus } from '../corpus';

const CORPUS = () => corpusPath('conformance', 'sloth/alert-windows');
const FIXTURES = fileURLToPath(new URL('../../fixtures/specs/sloth-alert-windows/', import.meta.url));

function corpusFiles(dir = CORPUS()): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? corpusFiles(path) : [path];
    })
    .sort();
}

function read(path: string): AlertWindowSet {
  const result = importSlothAlertWindows(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const load = (relative: string): AlertWindowSet => read(join(CORPUS(), relative));

function factors(set: AlertWindowSet): number[] {
  const rows = alertRows(set, 999_000);
  if (!rows.ok) throw new Error(rows.message);
  return rows.value.map((r) => r.factor);
}

describeCorpus('conformance', "importSlothAlertWindows on Sloth's AlertWindows files", () => {
  it('reads every AlertWindows file of the corpus and detects each as one', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(detectSlothAlertWindows(text)).toBe(true);
      const result = importSlothAlertWindows(text);
      expect(result.ok ? 'ok' : JSON.stringify(result.issues)).toBe('ok');
    }
  });

  it("reads Sloth's default 30-day windows with the factors 14.4 / 6 / 3 / 1", () => {
    const set = load('default/google-30d.yaml');
    expect({ ...set, name: SLOTH_30D.name }).toEqual(SLOTH_30D);
    expect(factors(set)).toEqual([14.4, 6, 3, 1]);
  });

  it("reads Sloth's default 28-day windows with the factors 13.44 / 5.6 / 2.8 / 0.9333", () => {
    const set = load('default/google-28d.yaml');
    expect({ ...set, name: SLOTH_28D.name }).toEqual(SLOTH_28D);
    const f = factors(set);
    // Sloth prints 5.6000000000000005 and 2.8000000000000003; the published numbers are 5.6 and 2.8.
    [13.44, 5.6, 2.8, 0.9333333333333333].forEach((want, i) => expect(f[i]).toBeCloseTo(want, 12));
  });

  it('reads the 7-day example (8 / 12.5 / 20 / 42 %) with the factors 13.44 / 3.5 / 1.4 / 0.98', () => {
    const set = load('custom-examples/examples-7d.yaml');
    expect(set.periodMinutes).toBe(7 * 1440);
    [13.44, 3.5, 1.4, 0.98].forEach((want, i) => expect(factors(set)[i]).toBeCloseTo(want, 12));
  });

  it('reads the custom 30-day example with its own windows, 36h among them', () => {
    const set = load('custom-examples/examples-custom-30d.yaml');
    expect(set.page.quick).toEqual({ budgetPercent: 1, shortMinutes: 2, longMinutes: 30 });
    expect(set.ticket.slow).toEqual({ budgetPercent: 5, shortMinutes: 180, longMinutes: 36 * 60 });
    expect(factors(set)).toEqual([14.4, 4.8, 3, 1]);
  });

  it("holds the same windows as the project's own fixtures, so the unit tests on those stand for Sloth's files", () => {
    const pairs = [
      ['default/google-30d.yaml', 'sre-workbook-30d.yaml'],
      ['default/google-28d.yaml', 'sre-workbook-28d.yaml'],
      ['custom-examples/examples-7d.yaml', 'week-7d.yaml'],
      ['custom-examples/examples-custom-30d.yaml', 'custom-30d.yaml'],
    ];
    for (const [upstream, fixture] of pairs) expect(read(join(FIXTURES, fixture!)), fixture).toEqual(load(upstream!));
  });
});
