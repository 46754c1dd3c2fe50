/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce (Next.js puts it on
 * its own scripts when it finds the policy in the request headers, see proxy.ts) and whatever those scripts
 * load ('strict-dynamic'). Styles allow inline attributes: React renders `style={{ width }}` for bars and
 * chart.js sizes its canvas that way. `form-action` is left out on purpose: Auth.js answers sign-in/out form
 * posts with redirects to the configured AUTH_URL or an identity provider, which `form-action 'self'` blocks.
 */
export function contentSecurityPolicy(nonce: string, opts: { allowFraming?: boolean; dev?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${opts.allowFraming ? "*" : "'none'"}`,
  ];
  return directives.join("; ");
}

/** A fresh, unguessable nonce per response (base64 of 16 random bytes). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
