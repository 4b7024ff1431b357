// The production Content-Security-Policy (docs/reliability.md R9), read by the hosts that serve the page
// (electron/hosts/assets.ts) and by the renderer's build, which writes it into index.html as a <meta> fallback.

/** The production Content-Security-Policy: no inline script or style, no eval, nothing from elsewhere. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy as a <meta http-equiv> can carry it: browsers ignore frame-ancestors there (the header sends it). */
export const CSP_META = CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors '))
  .join('; ');
