/**
 * The app's one public origin. Every link in every email (digests, reminders, invitations, sign-in links) and
 * every link shown to copy (TV screen, invitation) is built from it, whatever triggered it (a page, a server
 * action, the scheduler, the CLI, the cron endpoint, Auth.js): never from a request's Host or X-Forwarded-Host,
 * which the client chooses. It is AUTH_URL; without it (the embedded default) the local server,
 * http://localhost:PORT. Production on PostgreSQL or with SMTP refuses to start without AUTH_URL (lib/env.ts).
 */
export function publicOrigin(source: Record<string, string | undefined> = process.env): string {
  if (source.AUTH_URL) return new URL(source.AUTH_URL).origin;
  return `http://localhost:${source.PORT || 3000}`;
}

/** The same path and query on the public origin: for URLs another library built from the request (Auth.js). */
export function onPublicOrigin(url: string, source: Record<string, string | undefined> = process.env): string {
  const u = new URL(url);
  return `${publicOrigin(source)}${u.pathname}${u.search}`;
}
