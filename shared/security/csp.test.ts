import { describe, expect, it } from 'vitest';
import { CSP, CSP_META } from './csp';

describe('the CSP as a <meta> fallback', () => {
  it('carries every directive of the header except frame-ancestors, which a <meta> cannot carry', () => {
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP_META).toBe(CSP.replace("; frame-ancestors 'none'", ''));
    expect(CSP_META.split('; ')).toHaveLength(CSP.split('; ').length - 1);
  });
});
