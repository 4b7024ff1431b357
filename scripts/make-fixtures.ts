// Writes the generated fixtures under fixtures/ (npm run fixtures). The files are committed; a unit test
// (scripts/make-fixtures.test.ts) checks they are exactly what the generators give, so they cannot drift apart.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFixtures } from './fixtures/histories';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

for (const [path, text] of Object.entries(generatedFixtures())) {
  const target = join(FIXTURES_DIR, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`fixtures/${path}: ${text.length} characters`);
}
