// Where the conformance suite finds the outside corpora (upstream files that stay outside the repository), and what it
// does when one is missing: skip (one line says so at the end of the run), or fail under CI=true.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** The repository root: the folder the default corpus paths are relative to. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the repositories and commits of every corpus file are listed, to fetch the corpora from upstream. */
export const SOURCES_FILE = 'conformance/SOURCES.md';

export type CorpusName = 'datasets' | 'conformance';

/** Each corpus: the environment variable naming its folder, and the folder used when the variable is unset. */
export const CORPORA: Record<CorpusName, { env: string; defaultDir: string; what: string }> = {
  datasets: { env: 'SLO_DATASETS_DIR', defaultDir: '../shared/datasets', what: 'historical SLI datasets' },
  conformance: { env: 'SLO_CONFORMANCE_DIR', defaultDir: '../shared/conformance', what: 'SLO spec corpus' },
};

/** The folder of a corpus: its environment variable (relative to the current folder), else the default beside the repository. */
export function corpusDir(name: CorpusName, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[CORPORA[name].env];
  if (fromEnv) return resolve(fromEnv);
  return resolve(REPO_ROOT, CORPORA[name].defaultDir);
}

/** True when the folder of a corpus exists. */
export function corpusPresent(name: CorpusName, env: NodeJS.ProcessEnv = process.env): boolean {
  const dir = corpusDir(name, env);
  return existsSync(dir) && statSync(dir).isDirectory();
}

/** A path inside a corpus. */
export function corpusPath(name: CorpusName, path: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(corpusDir(name, env), path);
}

/** True when a missing corpus must fail the run: under CI, unless SLO_CONFORMANCE_OPTIONAL=1 says it may be absent. */
export function corpusRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return ci && env.SLO_CONFORMANCE_OPTIONAL !== '1';
}

/** A corpus folder as people read it: the default relative to the repository, a folder named by its variable in full. */
export function shownDir(name: CorpusName, env: NodeJS.ProcessEnv = process.env): string {
  return env[CORPORA[name].env] ? corpusDir(name, env) : CORPORA[name].defaultDir;
}

/** Why a corpus is missing, naming the folder looked at and how to provide it. */
export function missingMessage(name: CorpusName, env: NodeJS.ProcessEnv = process.env): string {
  const { env: variable, what } = CORPORA[name];
  return (
    `The ${name} corpus (${what}) was not found at ${shownDir(name, env)}; ` +
    `set ${variable} to its folder, or fetch it from the upstream repositories and commits listed in ${SOURCES_FILE}`
  );
}

/**
 * A describe block over a corpus. With the corpus present it runs in full; without it its tests are skipped (the run
 * ends with one line counting them), or, when the corpus is required (CI), one test fails saying what is missing.
 * The body must read corpus files only inside its tests or hooks: a skipped block is still collected.
 */
export function describeCorpus(name: CorpusName, title: string, body: () => void): void {
  if (corpusPresent(name)) describe(title, body);
  else if (corpusRequired()) {
    describe(title, () => {
      it(`needs the ${name} corpus`, () => {
        throw new Error(`${missingMessage(name)}. CI=true runs the conformance suite in full; SLO_CONFORMANCE_OPTIONAL=1 lets it skip instead.`);
      });
    });
  } else describe.skip(title, body);
}

/** A value computed the first time it is asked for (a corpus file read inside the tests that need it, not before). */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}
