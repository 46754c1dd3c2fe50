/** The same server and credentials, another database name. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A maintenance connection (to the database named in the URL) for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  return url;
}
