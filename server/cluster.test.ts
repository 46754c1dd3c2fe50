import { describe, expect, it } from "vitest";
import { WorkerCountError, workerCount } from "./cluster.mjs";

const PG = "postgres://app@db:5432/ssi";

describe("how many workers a production start runs", () => {
  it("runs one per core on PostgreSQL, or WEB_CONCURRENCY's number", () => {
    expect(workerCount({ DATABASE_URL: PG }, 4)).toMatchObject({ count: 4, reason: "one per core" });
    expect(workerCount({ DATABASE_URL: PG, WEB_CONCURRENCY: "3" }, 4)).toMatchObject({ count: 3, reason: "WEB_CONCURRENCY" });
    expect(workerCount({ DATABASE_URL: PG, WEB_CONCURRENCY: "1" }, 4).count).toBe(1);
    expect(workerCount({ DATABASE_URL: PG, WEB_CONCURRENCY: "" }, 2).count).toBe(2); // empty counts as unset
  });

  it("runs one on the embedded database, and says why when more were asked for", () => {
    expect(workerCount({}, 8)).toEqual({ count: 1, reason: "the embedded database" });
    const asked = workerCount({ WEB_CONCURRENCY: "4", DATABASE_URL: "" }, 8);
    expect(asked.count).toBe(1);
    expect(asked.note).toMatch(/^WEB_CONCURRENCY=4 asks for 4 workers, but the embedded database \(PGlite\) allows one process to open it: running 1/);
  });

  it("refuses anything but a whole number from 1 to 256, naming the variable", () => {
    for (const bad of ["abc", "0", "-2", "2.5", "1e3", "257", "two"]) {
      expect(() => workerCount({ DATABASE_URL: PG, WEB_CONCURRENCY: bad }, 2), bad).toThrow(WorkerCountError);
      expect(() => workerCount({ WEB_CONCURRENCY: bad }, 2), bad).toThrow(`WEB_CONCURRENCY: must be a whole number of worker processes from 1 to 256 (got "${bad}")`);
    }
  });
});
