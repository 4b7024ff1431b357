import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetElectronDouble, shell } from '../test/electron-double';
import { EXTERNAL_HOSTS, externalUrlOrNull, openExternalSafe } from './open-external';

beforeEach(() => resetElectronDouble());

const REFUSED = [
  'file:///etc/passwd',
  'smb://attacker.test/share',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x',
  'vscode://file/etc/passwd',
  'HTTPS://github.com/',
  'http://github.com/',
  'https://x@evil.test/',
  'https://x@github.com/',
  'https://user:pass@github.com/',
  'https://evil.test%2f@github.com/',
  'https://github.com:8443/',
  'https://github.com.evil.test/',
  'https://evil.test/github.com',
  'https://github.com\u0000.evil.test/',
  'https://github.com/\nx',
  'https://github.com/\u0085',
  ' https://github.com/',
  'https://github.com/a b',
  'https:\\\\github.com\\',
  'javascript:alert(1)',
  'mailto:someone@example.com',
  '',
];

describe('openExternalSafe (R6)', () => {
  it.each(REFUSED)('refuses %j', async (url) => {
    expect(externalUrlOrNull(url)).toBeNull();
    expect(await openExternalSafe(url)).toBe(false);
    expect(shell.opened).toEqual([]);
  });

  it('opens an allowlisted https link, in its canonical form', async () => {
    expect(await openExternalSafe('https://openslo.com/spec#slo')).toBe(true);
    expect(await openExternalSafe('https://GitHub.com')).toBe(true);
    expect(shell.opened).toEqual(['https://openslo.com/spec#slo', 'https://github.com/']);
  });

  it('refuses values that are not strings', async () => {
    for (const value of [undefined, null, 42, {}, ['https://github.com/']]) expect(await openExternalSafe(value)).toBe(false);
    expect(shell.opened).toEqual([]);
  });

  it('opens only https URLs whose host is in the allowlist, for any input', async () => {
    const inputs = fc.oneof(
      fc.string(),
      fc.webUrl({ withFragments: true, withQueryParameters: true, authoritySettings: { withUserInfo: true, withPort: true } }),
      fc.constantFrom(...EXTERNAL_HOSTS).chain((host) => fc.string().map((rest) => `https://${host}${rest}`)),
    );
    await fc.assert(
      fc.asyncProperty(inputs, async (raw) => {
        shell.opened.length = 0;
        const opened = await openExternalSafe(raw);
        if (!opened) return shell.opened.length === 0;
        const u = new URL(raw);
        return u.protocol === 'https:' && EXTERNAL_HOSTS.includes(u.hostname) && u.port === '' && !u.username && shell.opened.length === 1;
      }),
      { seed: 6, numRuns: 400 },
    );
  });
});
