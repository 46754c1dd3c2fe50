/**
 * The app's public origin for links in emails sent without a request at hand (scheduler, CLI): AUTH_URL, or
 * the local server. Requests that have one pass their own origin instead.
 */
export function appOrigin(): string {
  const configured = process.env.AUTH_URL?.replace(/\/$/, "");
  return configured || `http://localhost:${process.env.PORT ?? 3000}`;
}
