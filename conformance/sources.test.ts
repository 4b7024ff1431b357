import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { corpusDir, describeCorpus, type CorpusName } from './corpus';

// SOURCES.tsv is the project's own list of where each corpus file comes from; it must say what the corpora's
// MANIFEST.tsv files say, so a user without the corpora can fetch exactly the files the suite was run against.
const SOURCES = readFileSync(fileURLToPath(new URL('SOURCES.tsv', import.meta.url)), 'utf8');

/** The rows of a tab-separated file with a header, each as "folder<TAB>dest<TAB>repository<TAB>commit<TAB>source_path<TAB>license". */
function rows(text: string, folder?: string): string[] {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => (folder === undefined ? line : `${folder}\t${line.split('\t').slice(0, 5).join('\t')}`));
}

for (const name of ['datasets', 'conformance'] as CorpusName[]) {
  describeCorpus(name, `conformance/SOURCES.tsv on the ${name} corpus`, () => {
    it(`lists every file of every MANIFEST.tsv of the ${name} corpus, with its repository, commit and path`, () => {
      const folders = readdirSync(corpusDir(name), { withFileTypes: true }).filter((entry) => entry.isDirectory());
      expect(folders.length).toBeGreaterThan(0);
      const manifest = folders.flatMap((entry) => rows(readFileSync(join(corpusDir(name), entry.name, 'MANIFEST.tsv'), 'utf8'), `${name}/${entry.name}`));
      const listed = rows(SOURCES).filter((row) => row.startsWith(`${name}/`));
      expect(listed.sort()).toEqual(manifest.sort());
    });
  });
}
