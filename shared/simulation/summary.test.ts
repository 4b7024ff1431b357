import { describe, expect, it } from 'vitest';
import { summarise, windowsPhrase } from './summary';
import { objective, run } from './test/run';

describe('the summary of a run', () => {
  it.each([
    [0.125, 'in 1 window out of 8'],
    [0.75, 'in 3 windows out of 4'],
    [0.5, 'in 1 window out of 2'],
    [0.003, 'in fewer than 1 window in 100 (0.3 %)'],
    [0.995, 'in nearly every window (99.5 %)'],
    [0.9609, 'in nearly every window (96.1 %)'],
    [0.0816, 'in 1 window out of 12'],
    [1, 'in every simulated window'],
    [0, 'in none of 10,000 simulated windows'],
  ])('says a probability of %f as "%s"', (p, words) => {
    expect(windowsPhrase(p, 10_000)).toBe(words);
  });

  it('reads each tier’s breach chance, the top cause and the policy aloud', () => {
    const result = run(
      { name: 'Ten deploys a week', deploys: { perWeek: 10, failureProbability: 0.2, errorRate: 0.2, detectMinutes: 10, rollbackMinutes: 5 } },
      [objective('slo', 999_000), objective('target', 999_500)],
      { trials: 2000 },
    );
    const text = summarise({ ...result, scenarioName: 'Ten deploys a week', resolved: [], notes: [] });
    expect(text).toMatch(
      /^With “Ten deploys a week”, the SLO of 99\.9 % over 30 days is breached in .+; the performance target of 99\.95 % over 30 days in .+\./,
    );
    expect(text).toContain('Failed deploys spend most of the SLO');
    expect(text).toMatch(/The error-budget policy (freezes deploys|rarely needs)/);
  });
});
