import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Thrown when another live process already has the embedded database directory open. */
export class DatabaseLockedError extends Error {
  name = "DatabaseLockedError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no file locking of its own: two processes on one directory silently diverge and corrupt it.
 * This takes an exclusive lock file beside the directory for the life of the process, or throws.
 */
export function lockDataDir(dir: string): () => void {
  const lockFile = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const mine = `${process.pid}@${os.hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, mine, { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === mine) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = fs.readFileSync(lockFile, "utf8").trim();
      const [pidText, host] = holder.split("@");
      const pid = Number(pidText);
      if (holder === mine) return () => {};
      if (host === os.hostname() && Number.isInteger(pid) && pid > 0 && !isAlive(pid)) {
        fs.rmSync(lockFile, { force: true }); // left behind by a process that died: take it over
        continue;
      }
      throw new DatabaseLockedError(
        `The embedded database at ${path.resolve(dir)} is already open in another process (${holder}). ` +
          `PGlite allows one process per directory: stop the other process (for example a running "npm start"), ` +
          `or set PGLITE_DIR to a different directory. If no such process exists, delete ${lockFile}.`,
      );
    }
  }
  throw new DatabaseLockedError(`Could not lock ${lockFile}.`);
}
