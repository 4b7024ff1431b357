import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { analyseHistory } from '#shared/analysis/history';
import { checkWindowsAgainstMinutes, downtime, perMinute } from '#shared/importers/test/upptime-oracle';
import { detectUpptime, MAX_SAMPLE_MINUTES, parseUpptime } from '#shared/importers/upptime';
import { corpusPath, describeCorpus, once } from '../corpus';
import { NO_SLI_DETAILS } from '#shared/domain/types';

const DIR = 'upptime-unibe-digitaleditions';
type Site = { name: string; slug: string; dailyMinutesDown: Record<string, number> };

const MINUTE = 60_000;

describeCorpus('datasets', 'the Upptime importer on the Bern digital editions history', () => {
  const load = once(() => {
    const text = readFileSync(corpusPath('datasets', `${DIR}/events.csv`), 'utf8');
    const summary = JSON.parse(readFileSync(corpusPath('datasets', `${DIR}/summary.json`), 'utf8')) as Site[];
    const result = parseUpptime(text);
    const nameCount = new Map<string, number>();
    for (const site of summary) nameCount.set(site.name, (nameCount.get(site.name) ?? 0) + 1);
    const unique = summary.filter((site) => nameCount.get(site.name) === 1);
    const bySlug = new Map(result.series.map((series) => [series.name, series]));
    return { text, result, unique, bySlug };
  });

  it('reads every event of the dataset into one series per slug, each sample at most an hour of minutes all up or all down', () => {
    const { text, result } = load();
    expect(detectUpptime(text)).toBe(true);
    expect(result.issues).toEqual([]);
    expect(result.accepted).toBe(10_530);
    let broken = 0;
    for (const series of result.series) {
      series.t.forEach((t, i) => {
        const minutes = series.total[i]!;
        const ok =
          minutes >= 1 &&
          minutes <= MAX_SAMPLE_MINUTES &&
          // Each sample counts the minutes since the previous one, none crosses a full UTC hour, all up or all down.
          (i === 0 || t - series.t[i - 1]! === minutes * MINUTE) &&
          Math.floor((t - MINUTE) / 3_600_000) === Math.floor((t - minutes * MINUTE) / 3_600_000) &&
          (series.good[i] === 0 || series.good[i] === minutes);
        if (!ok) broken++;
      });
    }
    expect(broken).toBe(0);
    // An hour is the usual step of a monitor observed for long; one observed for an hour or less has fewer samples.
    const steps = result.series.filter((s) => s.t.length > 48).map((s) => s.stepMs);
    expect(new Set(steps)).toEqual(new Set([3_600_000]));
  });

  // Upptime's dailyMinutesDown comes from its GitHub downtime issues (created_at → closed_at, split per UTC day, each day
  // rounded with Math.round), not from the status commits. An issue is opened and closed by workflow runs around the down
  // and up commits, so each outage may differ by about a minute from the check times: at most one minute per outage.
  it('matches summary.json downtime for the uniquely named monitors whose slug can be a GitHub label', () => {
    const { unique, bySlug } = load();
    const labelled = unique.filter((site) => site.slug.length <= 50);
    expect(labelled).toHaveLength(20);
    const report = labelled.map((site) => {
      const expected = Object.values(site.dailyMinutesDown).reduce((a, b) => a + b, 0);
      const series = bySlug.get(site.slug);
      const { minutes, outages } = downtime(series);
      expect(Math.abs(minutes - expected), site.slug).toBeLessThanOrEqual(outages);
      return [site.slug, minutes, expected];
    });
    const exact = report.filter(([, minutes, expected]) => minutes === expected).length;
    const withinOne = report.filter(([, minutes, expected]) => Math.abs((minutes as number) - (expected as number)) <= 1).length;
    expect(exact).toBe(12);
    expect(withinOne).toBe(17);
    expect(report.find(([slug]) => slug === 'gossembrot-bibliothek')).toEqual(['gossembrot-bibliothek', 12_486, 12_487]);
  });

  // GitHub labels hold at most 50 characters, and Upptime finds a monitor's downtime issues by its slug as a label, so
  // monitors with longer slugs show no downtime in summary.json although their status commits record outages.
  it('shows why the long-slug monitors cannot match: summary.json has no downtime for them, the events do', () => {
    const { unique, bySlug } = load();
    const long = unique.filter((site) => site.slug.length > 50);
    expect(long.length).toBe(13);
    for (const site of long)
      expect(
        Object.values(site.dailyMinutesDown).reduce((a, b) => a + b, 0),
        site.slug,
      ).toBe(0);
    const downInEvents = long.filter((site) => downtime(bySlug.get(site.slug)).minutes > 100);
    // 12 of the 13 recorded outages (hundreds of minutes each) that summary.json does not count.
    expect(downInEvents.length).toBe(12);
  });
});

describeCorpus('datasets', 'the Upptime history of the Bern digital editions analysed as sparse samples', () => {
  const DAY = 86_400_000;
  // Every monitor observed for longer than the longest window.
  const observedLong = () =>
    parseUpptime(readFileSync(corpusPath('datasets', `${DIR}/events.csv`), 'utf8')).series.filter((s) => s.t[s.t.length - 1]! - s.t[0]! > 31 * DAY);
  const sli = { id: 1, serviceId: 1, name: 'availability', kind: 'availability' as const, latencyThresholdMs: null, ...NO_SLI_DETAILS, objectives: {} };

  it('gives every rolling window the SLI of the same minutes one sample a minute would, with its start up to an hour earlier', () => {
    const series = observedLong();
    expect(series.length).toBe(43);
    let windows = 0;
    const wrong: string[] = [];
    for (const sparse of series) {
      const checked = checkWindowsAgainstMinutes(sparse);
      windows += checked.windows;
      wrong.push(...checked.wrong);
      // Over the whole history the counts are the same minutes, so the achieved SLI is identical.
      expect(analyseHistory(sparse, sli, 30 * DAY).overall).toBe(analyseHistory(perMinute(sparse), sli, 30 * DAY).overall);
    }
    expect(windows).toBeGreaterThan(400_000);
    expect(wrong).toEqual([]);
  });
});
