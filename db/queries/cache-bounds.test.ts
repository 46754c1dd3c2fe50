import { describe, expect, it } from "vitest";
import { createFigureCache, serialisedSize, stringBytes } from "./cache";

/** A load that counts its calls and resolves when told to. */
function loader<T>(value: T) {
  let calls = 0;
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  return {
    load: async () => {
      calls++;
      await gate;
      return value;
    },
    release: () => release(),
    calls: () => calls,
  };
}

const text = (n: number, c = "x") => c.repeat(n);

describe("the figure cache is bounded by bytes", () => {
  it("keeps values while their serialised sizes fit, and lets the least recently used go first", async () => {
    const cache = createFigureCache(1000);
    const counts = { a: 0, b: 0, c: 0 };
    const get = (k: keyof typeof counts) =>
      cache.get(k, async () => {
        counts[k]++;
        return text(400, k);
      });
    await get("a");
    await get("b");
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 800 });
    await get("a"); // a is now the most recently used: b goes when c arrives
    await get("c");
    expect(cache.stats().bytes).toBeLessThanOrEqual(1000);
    await get("a");
    await get("c");
    expect(counts).toEqual({ a: 1, b: 1, c: 1 });
    await get("b"); // evicted, loaded again
    expect(counts.b).toBe(2);
  });

  it("sizes objects by their JSON, and serves but does not keep a value larger than the bound", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ userId: `u${i}`, total: 50 + i }));
    expect(serialisedSize(rows)).toBe(JSON.stringify(rows).length);
    const cache = createFigureCache(200);
    let loads = 0;
    const big = () => cache.get("big", async () => (loads++, rows));
    expect(await big()).toEqual(rows);
    expect(await big()).toEqual(rows);
    expect(loads).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it("counts a string with any character outside Latin-1 at two bytes a character, as V8 holds it", async () => {
    expect(stringBytes("<td>50.0</td>")).toBe(13);
    expect(stringBytes("<td>—</td>")).toBe(20);
    const cache = createFigureCache(1000);
    const rows = cache.strings("rows");
    rows.add("a", "—".repeat(300));
    rows.add("b", "—".repeat(300));
    rows.commit();
    // 2 × 600 characters: over the bound, so not kept (counted at one byte each it would have been).
    expect(cache.stats()).toMatchObject({ entries: 0 });
  });

  it("stays under its bound however many distinct figures are asked for", async () => {
    const cache = createFigureCache(10_000);
    for (let i = 0; i < 500; i++) await cache.get(`team:${i}`, async () => ({ rows: text(100 + (i % 7) * 50) }));
    const s = cache.stats();
    expect(s.bytes).toBeLessThanOrEqual(10_000);
    expect(s.entries).toBeGreaterThan(10);
    expect(s.entries).toBeLessThan(500);
  });

  it("shares one load between concurrent requests for the same figure", async () => {
    const cache = createFigureCache(1000);
    const l = loader({ total: 71.3 });
    const all = Promise.all(Array.from({ length: 5 }, () => cache.get("k", l.load)));
    expect(cache.stats().inFlight).toBe(1);
    l.release();
    expect(await all).toEqual(Array(5).fill({ total: 71.3 }));
    expect(l.calls()).toBe(1);
    expect(cache.stats()).toMatchObject({ inFlight: 0, entries: 1 });
  });

  it("does not remember a failed load", async () => {
    const cache = createFigureCache(1000);
    await expect(cache.get("k", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(cache.stats()).toMatchObject({ inFlight: 0, entries: 0 });
    expect(await cache.get("k", async () => "back")).toBe("back");
  });
});
