import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../db/testing/test-db";
import { makeSnapshot, makeUser } from "../db/testing/factories";
import { authenticateApiRequest } from "../db/queries/api-tokens";

const callerOf = async (token: string) => (await authenticateApiRequest(token, 1000, 60))?.caller ?? null;
import { hitRateLimit } from "../db/queries/rate-limits";
import { clearBenchWriters, countSnapshotsOf, countStoredPairs, prepareBenchWriters } from "./bench-data";

setupTestDatabase();

describe(`load-benchmark writers on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("gives each writer a working token, starts them without snapshots and counts exactly the stored pairs", async () => {
    const writers = await prepareBenchWriters(3);
    expect(new Set(writers.map((w) => w.userId)).size).toBe(3);
    for (const w of writers) expect((await callerOf(w.token))?.userId).toBe(w.userId);

    const [a, b] = writers;
    await makeSnapshot(a!.userId, "2025-03-01", 60);
    await makeSnapshot(b!.userId, "2025-03-02", 61);
    const someoneElse = await makeUser();
    await makeSnapshot(someoneElse.id, "2025-03-01", 62);

    expect(await countSnapshotsOf(writers.map((w) => w.userId))).toBe(2);
    // A pair nobody stored and another person's pair are not counted.
    const asked = [
      { userId: a!.userId, measuredOn: "2025-03-01" },
      { userId: b!.userId, measuredOn: "2025-03-02" },
      { userId: a!.userId, measuredOn: "2025-03-02" },
      { userId: someoneElse.id, measuredOn: "2025-03-02" },
    ];
    expect(await countStoredPairs(asked)).toBe(2);
  });

  it("reuses the same people on the next run, with new tokens and none of the previous run's snapshots", async () => {
    const first = await prepareBenchWriters(2);
    await makeSnapshot(first[0]!.userId, "2025-04-01", 55);
    const second = await prepareBenchWriters(2);

    expect(second.map((w) => w.userId).sort()).toEqual(first.map((w) => w.userId).sort());
    expect(await countSnapshotsOf(second.map((w) => w.userId))).toBe(0);
    expect(await callerOf(first[0]!.token)).toBeNull();
    expect(await callerOf(second[0]!.token)).not.toBeNull();

    await makeSnapshot(second[1]!.userId, "2025-04-02", 56);
    for (let i = 0; i < 3; i++) await hitRateLimit(`api:${second[1]!.tokenId}`, 3, 60);
    await clearBenchWriters(second);
    expect(await countSnapshotsOf(second.map((w) => w.userId))).toBe(0);
    expect(await callerOf(second[1]!.token)).toBeNull();
    // The run's rate-limit counters go too: a fresh window counts from 1 again.
    expect((await hitRateLimit(`api:${second[1]!.tokenId}`, 3, 60)).remaining).toBe(2);
  });
});
