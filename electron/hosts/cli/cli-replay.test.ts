import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSliSandbox, type Sandbox } from '../test/cli-sandbox';
import type { JsonReplayReport } from './json-output';

const W = ['--workspace', 'w.slowb'] as const;
const TARGET = [...W, '--service', 'web', '--sli', 'availability'] as const;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
let box: Sandbox;

/** 14 clean days of minutes at 100 requests. */
function writeHistory(): string {
  const lines = ['time,good,total'];
  for (let t = START + 60_000; t <= START + 14 * DAY; t += 60_000) lines.push(`${new Date(t).toISOString()},100,100`);
  const path = join(box.dir, 'history.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

beforeAll(async () => {
  box = await makeSliSandbox();
  await box.json('objective', 'set', ...TARGET, '--tier', 'slo', '--target', '99.9', '--window', '7d');
  await box.json('import', writeHistory(), ...TARGET, '--map', 'time=time,good=good,total=total');
}, 60_000);

afterAll(() => box.cleanup());

describe('slo-workbench replay', () => {
  it('replays the last 7 days with a 45-minute deploy at 30 % and a weekly one, as it was and with them', async () => {
    const r = await box.run(
      'replay',
      ...TARGET,
      '--inject',
      'bad deploy,2026-01-12T14:00,45,30%',
      '--inject',
      'weekly deploy,2026-01-08T10:00,10,0.005,weekly',
    );
    expect(r.code).toBe(0);
    expect(r.stdoutLines).toEqual([
      'web / availability',
      'Replay of 2026-01-08 00:00 → 2026-01-15 00:00 UTC, excluded periods left out; alert set "SRE workbook, 30 days, windows scaled to 7d"',
      'Injected "bad deploy" 2026-01-12 14:00 UTC, 45 min at 30 % errors: 1 occurrence in the window, 1,350 bad events added',
      'Injected "weekly deploy" 2026-01-08 10:00 UTC, 10 min at 0.5 % errors, weekly: 1 occurrence in the window, 5 bad events added',
      'As it was → with the injected events:',
      'SLO 99.9 %: SLI 100.0000 % → 99.8656 %, budget spent 0.0 % → 134.4 %, met → missed; pages 0 → 2, tickets 0 → 2',
      // At 30 % errors the last hour burns 5× after the first minute (warning), 10× after the second (critical); the 34th spends the last of the 1,008 bad events.
      "Policy of the SLO's budget: healthy 7 d → healthy 4.58 d, warning 1 min, critical 32 min, exhausted 2.39 d",
    ]);
  });

  it('prints the replay report with --json', async () => {
    const doc = await box.json<JsonReplayReport>('replay', ...TARGET, '--inject', 'bad deploy,2026-01-12T14:00,45,0.3');
    expect(doc.command).toBe('replay');
    expect([doc.replay.fromMs, doc.replay.toMs]).toEqual([START + 7 * DAY, START + 14 * DAY]);
    expect(doc.replay.injections).toEqual([
      { name: 'bad deploy', startMs: Date.UTC(2026, 0, 12, 14), durationMinutes: 45, errorRate: 0.3, repeat: 'once', occurrences: 1, addedBadEvents: 1350 },
    ]);
  });

  it('prints one side when no event is injected', async () => {
    const r = await box.run('replay', ...TARGET, '--from', '2026-01-01T00:00', '--to', '2026-01-08T00:00');
    expect(r.stdoutLines.slice(2)).toEqual([
      'No events injected; the history as it was:',
      'SLO 99.9 %: SLI 100.0000 %, budget spent 0.0 %, met; pages 0, tickets 0',
      "Policy of the SLO's budget: healthy 7 d",
    ]);
  });

  it('refuses an --inject value that is not name,start,minutes,errorRate, naming the option', async () => {
    const r = await box.run('replay', ...TARGET, '--inject', 'bad deploy,2026-01-12T14:00,45');
    expect([r.code, r.stderr]).toEqual([1, 'error: "bad deploy,2026-01-12T14:00,45" is not name,start,minutes,errorRate[,once|daily|weekly] [--inject]']);
  });

  it('refuses an error rate above 100 % with the field the core names, on --inject', async () => {
    const r = await box.run('replay', ...TARGET, '--inject', 'bad deploy,2026-01-12T14:00,45,130%');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('errorRate must be at most 1 (100 %)');
    expect(r.stderr).toMatch(/\[--inject\]$/);
  });

  it('refuses a window starting before the history, on --from', async () => {
    const r = await box.run('replay', ...TARGET, '--from', '2025-12-01T00:00');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: fromMs (2025-12-01 00:00 UTC) lies outside the history: the history of "availability" runs from 2026-01-01 00:00 UTC to 2026-01-15 00:00 UTC [--from]',
    );
  });
});
