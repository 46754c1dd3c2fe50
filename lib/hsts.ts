/**
 * The Strict-Transport-Security header value, decided at run time from the configured public origin: sent in
 * production when AUTH_URL is https (also behind a TLS-terminating proxy, where the app itself is reached on
 * http), never otherwise. It used to live in next.config.js, whose headers are fixed when the app is built, so
 * an AUTH_URL given only to the running server sent none.
 */
export function strictTransportSecurity(source: Record<string, string | undefined> = process.env): string | null {
  return source.NODE_ENV === "production" && /^https:\/\//i.test(source.AUTH_URL ?? "") ? "max-age=63072000; includeSubDomains" : null;
}
