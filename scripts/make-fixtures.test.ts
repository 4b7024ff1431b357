import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accessLog, generatedFixtures, seeded } from './fixtures/histories';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

describe('the generated fixtures', () => {
  it('are committed exactly as the generators write them (npm run fixtures rewrites them)', () => {
    const generated = generatedFixtures();
    for (const [path, text] of Object.entries(generated)) expect(readFileSync(`${FIXTURES}${path}`, 'utf8'), path).toBe(text);
    // No stray file in the generated folder that no generator writes.
    expect(
      readdirSync(`${FIXTURES}histories`)
        .map((name) => `histories/${name}`)
        .sort(),
    ).toEqual(Object.keys(generated).sort());
  });

  it('come out the same on every run, from a seeded generator', () => {
    expect(accessLog()).toBe(accessLog());
    const [a, b] = [seeded(7), seeded(7)];
    const draws = Array.from({ length: 5 }, () => [a(), b()]);
    for (const [x, y] of draws) expect(x).toBe(y);
    expect(new Set(draws.map(([x]) => x)).size).toBe(5);
    expect(draws.every(([x]) => x! >= 0 && x! < 1)).toBe(true);
  });
});
