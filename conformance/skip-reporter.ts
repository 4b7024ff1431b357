// Ends a vitest run in which conformance tests were skipped for want of a corpus with one line saying how many, why,
// and where to get the corpora, instead of one notice per file.
import { relative, sep } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { CORPORA, corpusPresent, REPO_ROOT, shownDir, SOURCES_FILE, type CorpusName } from './corpus';

/** The line for a run: null when no conformance test was skipped or every corpus is present. */
export function skipLine(skipped: number, env: NodeJS.ProcessEnv = process.env): string | null {
  const missing = (Object.keys(CORPORA) as CorpusName[]).filter((name) => !corpusPresent(name, env));
  if (skipped === 0 || missing.length === 0) return null;
  const folders = missing.map((name) => `${shownDir(name, env)} (${CORPORA[name].env})`).join(' and ');
  return (
    `conformance: ${skipped} test${skipped === 1 ? '' : 's'} skipped: ${folders} not found; ` +
    `set the variable to the corpus folder, or fetch the corpora from the upstream repositories and commits in ${SOURCES_FILE}`
  );
}

/** True for a test file of the conformance suite. */
export function isConformanceModule(moduleId: string): boolean {
  return relative(REPO_ROOT, moduleId).split(sep)[0] === 'conformance';
}

export default class ConformanceSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let skipped = 0;
    for (const module of testModules) {
      if (!isConformanceModule(module.moduleId)) continue;
      for (const test of module.children.allTests()) if (test.result().state === 'skipped') skipped++;
    }
    const line = skipLine(skipped);
    if (line !== null) process.stdout.write(`\n${line}\n`);
  }
}
