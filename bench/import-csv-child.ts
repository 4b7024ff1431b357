// Child process of bench/import-csv.ts: imports one CSV end to end through importFile into fresh workspaces, so its
// peak RSS (process.resourceUsage().maxRSS, which covers the parse worker too) belongs to the import alone.
// Usage: import-csv-child FILE.csv WORK_DIR RUNS REQUEST_JSON; prints one JSON line.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../electron/core/services/import-service';
import type { ParseRequest } from '#shared/importers/dispatch';
import { workspaceWithSli } from './bench-workspace';

/** Wall ms of one import's phases as importFile reports them: read and hash, parse in the worker, store and commit. */
export type PhaseMs = { read: number; parse: number; store: number };

/**
 * What the child prints: wall time, phases and CPU time (all threads) of each import, rows stored, RSS before the first
 * import and the peak.
 */
export type ChildReport = { importMs: number[]; phases: PhaseMs[]; cpuMs: number[]; accepted: number; points: number; idleRssMb: number; peakRssMb: number };

// CommonJS (the bundle's format) has no top-level await.
async function main(): Promise<ChildReport> {
  const [file, dir, runsText, requestJson] = process.argv.slice(2);
  if (!file || !dir || !runsText || !requestJson) throw new Error('usage: import-csv-child FILE.csv WORK_DIR RUNS REQUEST_JSON');
  const runs = Number(runsText);
  const request = JSON.parse(requestJson) as ParseRequest;
  const idleRssMb = process.memoryUsage().rss / 2 ** 20;
  const importMs: number[] = [];
  const cpuMs: number[] = [];
  const phases: PhaseMs[] = [];
  let accepted = 0;
  let points = 0;
  for (let run = 0; run < runs; run++) {
    const path = join(dir, `import-${run}.slowb`);
    const { session, sliId } = workspaceWithSli(path);
    const cpu = process.cpuUsage();
    const started = new Map<string, number>();
    const start = performance.now();
    const onProgress = (phase: string): void => {
      if (!started.has(phase)) started.set(phase, performance.now());
    };
    const summary = await importFile(session, { sliId, path: file, request, onBadRows: 'abort', onProgress }, Date.now);
    const end = performance.now();
    importMs.push(end - start);
    const parsing = started.get('parsing') ?? start;
    const storing = started.get('storing') ?? end;
    phases.push({ read: parsing - start, parse: storing - parsing, store: end - storing });
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    if (summary.status !== 'stored') throw new Error(`import ${run}: ${summary.status} ${JSON.stringify(summary.issues.slice(0, 3))}`);
    accepted = summary.accepted;
    points = summary.series.reduce((n, s) => n + s.points, 0);
    session.close();
    rmSync(path);
  }
  return { importMs, phases, cpuMs, accepted, points, idleRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

void main().then((report) => console.log(JSON.stringify(report)));
