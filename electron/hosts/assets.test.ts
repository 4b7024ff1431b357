import fc from 'fast-check';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '#shared/security/csp';
import { resolveAsset } from './assets';

let base: string;
let root: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'swb-assets-')));
  root = join(base, 'root');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), '');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'escape.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAsset', () => {
  it('serves index.html for / and files inside the root', () => {
    expect(resolveAsset('/', root)).toBe(join(root, 'index.html'));
    expect(resolveAsset('/assets/app.js?v=1', root)).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/index.html%00',
    '//etc/passwd',
    'index.html',
    '/escape.txt',
    '/missing.js',
    '/assets',
  ])('refuses %s', (path) => {
    expect(resolveAsset(path, root)).toBeNull();
  });

  it('never returns a path outside the root, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = resolveAsset('/' + s, root);
        return out === null || !relative(root, out).startsWith('..');
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe('the CSP', () => {
  it('allows no inline script, no eval and nothing from other origins', () => {
    const directives = new Map(
      CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-(inline|eval)/);
    expect(CSP).not.toMatch(/https?:/);
  });
});
