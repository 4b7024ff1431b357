import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, corpusPresent, corpusRequired, missingMessage, REPO_ROOT } from './corpus';
import { isConformanceModule, skipLine } from './skip-reporter';

const NOWHERE = '/nonexistent/slo-corpus';

describe('where the conformance suite looks for its corpora', () => {
  it('defaults to ../shared/datasets and ../shared/conformance beside the repository, and takes a folder from the environment', () => {
    expect(corpusDir('datasets', {})).toBe(resolve(REPO_ROOT, '../shared/datasets'));
    expect(corpusDir('conformance', {})).toBe(resolve(REPO_ROOT, '../shared/conformance'));
    expect(corpusDir('datasets', { SLO_DATASETS_DIR: '/data/slo' })).toBe('/data/slo');
    expect(corpusDir('conformance', { SLO_CONFORMANCE_DIR: '/corpus' })).toBe('/corpus');
    expect(corpusPresent('datasets', { SLO_DATASETS_DIR: NOWHERE })).toBe(false);
    expect(corpusPresent('datasets', { SLO_DATASETS_DIR: REPO_ROOT })).toBe(true);
  });

  it('requires the corpora under CI, unless SLO_CONFORMANCE_OPTIONAL=1 lets them be missing', () => {
    expect(corpusRequired({})).toBe(false);
    expect(corpusRequired({ CI: 'true' })).toBe(true);
    expect(corpusRequired({ CI: '1' })).toBe(true);
    expect(corpusRequired({ CI: 'false' })).toBe(false);
    expect(corpusRequired({ CI: 'true', SLO_CONFORMANCE_OPTIONAL: '1' })).toBe(false);
  });

  it('names the folder it looked at, its variable and where the sources are listed', () => {
    expect(missingMessage('datasets', { SLO_DATASETS_DIR: NOWHERE })).toBe(
      `The datasets corpus (historical SLI datasets) was not found at ${NOWHERE}; set SLO_DATASETS_DIR to its folder, ` +
        'or fetch it from the upstream repositories and commits listed in conformance/SOURCES.md',
    );
    expect(missingMessage('conformance', {})).toContain('was not found at ../shared/conformance; set SLO_CONFORMANCE_DIR');
  });
});

describe('the line a run without a corpus ends with', () => {
  const bothMissing = { SLO_DATASETS_DIR: NOWHERE, SLO_CONFORMANCE_DIR: `${NOWHERE}-specs` };

  it('counts the skipped tests and names every missing folder with its variable', () => {
    expect(skipLine(57, bothMissing)).toBe(
      `conformance: 57 tests skipped: ${NOWHERE} (SLO_DATASETS_DIR) and ${NOWHERE}-specs (SLO_CONFORMANCE_DIR) not found; ` +
        'set the variable to the corpus folder, or fetch the corpora from the upstream repositories and commits in conformance/SOURCES.md',
    );
    expect(skipLine(1, { SLO_DATASETS_DIR: NOWHERE, SLO_CONFORMANCE_DIR: REPO_ROOT })).toMatch(
      /^conformance: 1 test skipped: \/nonexistent\/slo-corpus \(SLO_DATASETS_DIR\) not found;/,
    );
  });

  it('is not printed when nothing was skipped or every corpus is there', () => {
    expect(skipLine(0, bothMissing)).toBeNull();
    expect(skipLine(12, { SLO_DATASETS_DIR: REPO_ROOT, SLO_CONFORMANCE_DIR: REPO_ROOT })).toBeNull();
  });

  it('counts only the test files of the conformance folder', () => {
    expect(isConformanceModule(join(REPO_ROOT, 'conformance/datasets/nab.test.ts'))).toBe(true);
    expect(isConformanceModule(join(REPO_ROOT, 'shared/importers/upptime.test.ts'))).toBe(false);
    expect(isConformanceModule(join(REPO_ROOT, 'shared/conformance/x.test.ts'))).toBe(false);
  });
});
