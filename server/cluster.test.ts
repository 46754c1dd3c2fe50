import { describe, expect, it } from "vitest";
import { heapLimitNote, WorkerCountError, workerCount } from "./cluster.mjs";
import { heapFlags, heapLimitMiB, nextStartArgs } from "./start-command.mjs";

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

describe("the heap limit of a server process", () => {
  it("is 320 MiB with the default caches and grows with their bounds", () => {
    expect(heapLimitMiB({})).toBe(320);
    expect(heapLimitMiB({ CACHE_MAX_MB: "64", PAGE_CACHE_MAX_MB: "0" })).toBe(192 + 2 * 64);
    expect(nextStartArgs({ port: 3000, env: {} })[0]).toBe("--max-old-space-size=320");
    expect(nextStartArgs({ port: 3000, env: { CACHE_MAX_MB: "100" } })[0]).toBe("--max-old-space-size=456");
  });

  it("is left to NODE_OPTIONS when an administrator sets one there", () => {
    expect(heapFlags({ NODE_OPTIONS: "--max-old-space-size=1024" })).toEqual([]);
    expect(nextStartArgs({ env: { NODE_OPTIONS: "--enable-source-maps --max-old-space-size=2048" } })[0]).not.toMatch(/max-old-space-size/);
    expect(heapFlags({ NODE_OPTIONS: "--enable-source-maps" })).toEqual(["--max-old-space-size=320"]);
  });

  it("warns at start when none is set, or one too small for the caches, naming the flag to use", () => {
    expect(heapLimitNote(["--max-old-space-size=320"], {})).toBeNull();
    expect(heapLimitNote([], { NODE_OPTIONS: "--max-old-space-size=800" })).toBeNull();
    expect(heapLimitNote([], {})).toMatch(/^No heap limit is set.*node --max-old-space-size=320 /);
    expect(heapLimitNote(["--max-old-space-size=320"], { CACHE_MAX_MB: "200" })).toMatch(
      /^The heap limit \(--max-old-space-size=320\) is below what these cache bounds need .*: raise it to 656/,
    );
    // The command line's flag wins over NODE_OPTIONS', as in Node.
    expect(heapLimitNote(["--max-old-space-size=100"], { NODE_OPTIONS: "--max-old-space-size=900" })).toMatch(/--max-old-space-size=100\)/);
  });
});
