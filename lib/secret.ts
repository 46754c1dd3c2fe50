import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The AUTH_SECRET from the environment or, in embedded mode, one generated on first start and kept in the
 * data directory so that sessions survive restarts without any configuration.
 */
export function ensureAuthSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "auth-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": if two processes race on first start, exactly one writes and both read the same value.
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return fs.readFileSync(file, "utf8").trim();
}
