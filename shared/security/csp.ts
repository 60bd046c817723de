/**
 * The Content-Security-Policy for the UI. No remote origins at all: Custodian works offline and
 * must never load or send anything over the network. `style-src 'self'` is enough because React
 * sets styles through the CSSOM, which the policy does not restrict.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');
