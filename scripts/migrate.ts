// npm run db:migrate — applies pending migrations to PostgreSQL (DATABASE_URL) or the embedded PGlite.
import { openDatabase } from "../db/client";
import { env, EnvError } from "../lib/env";

try {
  const e = env();
  const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR });
  await handle.ready;
  await handle.close();
  console.log(`Migrations applied (${handle.kind}${handle.kind === "pglite" ? ` at ${e.PGLITE_DIR}` : ""}).`);
} catch (err) {
  console.error(err instanceof EnvError || (err as Error).name === "DatabaseLockedError" ? (err as Error).message : err);
  process.exit(1);
}
