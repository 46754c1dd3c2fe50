// Shared by the server (which tags the error) and the error page (which recognises it): no imports, no secrets.

/**
 * The digest of an error thrown because the database could not be reached. Next.js keeps a digest that a thrown
 * error already carries, so the error page can tell this outage from a bug without seeing the (hidden) message.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "SSI_DATABASE_UNAVAILABLE";

/** How often the "temporarily unavailable" page asks /api/health whether the database is back. */
export const HEALTH_POLL_MS = 3_000;
