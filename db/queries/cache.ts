import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";

/**
 * An in-process cache for team figures (boards, dashboard aggregates, rendered board rows), keyed by the team's
 * data version, which the database raises in the same transaction as every change those figures depend on
 * (migration 0005). A request reads the version with the membership it loads anyway, so a figure computed
 * before a committed write is never served after it, on this instance or any other. Old versions are never
 * asked for again and fall out as least recently used.
 *
 * Bounded by bytes, not entries (CACHE_MAX_MB, default 32): a resolved value is sized by its serialised length
 * (a string by its length, anything else by its JSON), and the least recently used values leave once the sum
 * passes the bound; a value larger than the whole bound is served but not kept. Concurrent requests for the same
 * figure share one load: loads in flight sit in a map beside the LRU (as many as requests in flight, no more),
 * and their value enters the LRU when it resolves. A failed load is not remembered.
 *
 * One cache per process, on globalThis: Next bundles pages and route handlers separately, and each bundle would
 * otherwise hold a cache (and a bound) of its own.
 */
export type FigureCache = {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  strings(key: string): KeptStrings;
  stats(): { hits: number; misses: number; entries: number; bytes: number; maxBytes: number; inFlight: number };
};

/**
 * What a string takes on V8's heap: one byte a character when every character is Latin-1, two otherwise (a row
 * with an em dash or a name outside Latin-1 is a two-byte string throughout; counting it at one byte a character
 * let the kept rows take twice their bound: 39.8 MiB of rows seen in a heap snapshot after a soak).
 */
export function stringBytes(text: string): number {
  return /[\u0100-\uffff]/.test(text) ? 2 * text.length : text.length;
}

/** The serialised size of a value in bytes (strings as stringBytes; other values by their JSON's length: an estimate). */
export function serialisedSize(value: unknown): number {
  if (typeof value === "string") return Math.max(1, stringBytes(value));
  try {
    return Math.max(1, JSON.stringify(value)?.length ?? 1);
  } catch {
    return Number.POSITIVE_INFINITY; // not serialisable (a cycle, a BigInt): never kept
  }
}

/**
 * Strings kept under one key and filled bit by bit (the rendered rows of a board, by person): `add` puts what was
 * missing, then `commit` stores the record again with its new size, so the bound counts every string kept.
 */
export type KeptStrings = { get(id: string): string | undefined; add(id: string, text: string): void; commit(): void };

/**
 * A flat copy of a string. HTML built with `+` is a rope in V8, one ConsString node (≈ 32 bytes) per piece, all
 * kept alive by the result: kept as it is, a board's rows cost ≈ 7× their length on the heap (measured: 3.3 MiB of
 * rows held 22.8 MiB; flat copies 6.1 with the baseline), which a bound counting characters does not see. A JSON
 * round trip copies any string exactly (lone surrogates too) into one sequential string.
 */
export function flatCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

export function createFigureCache(maxBytes: number): FigureCache {
  const store = new LRUCache<string, { value: unknown; size: number }>({
    maxSize: maxBytes,
    // A value over the bound is not stored (lru-cache refuses it); the size is worked out once, when it is set.
    sizeCalculation: (entry) => Math.min(entry.size, maxBytes + 1),
  });
  const inFlight = new Map<string, Promise<unknown>>();
  const counts = { hits: 0, misses: 0 };
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const found = store.get(key);
      if (found) {
        counts.hits++;
        return Promise.resolve(found.value as T);
      }
      const pending = inFlight.get(key);
      if (pending) {
        counts.hits++;
        return pending as Promise<T>;
      }
      counts.misses++;
      const loading = load().then(
        (value) => {
          inFlight.delete(key);
          store.set(key, { value, size: serialisedSize(value) });
          return value;
        },
        (err: unknown) => {
          inFlight.delete(key); // a failed load is not remembered
          throw err;
        },
      );
      inFlight.set(key, loading);
      return loading;
    },
    strings(key: string): KeptStrings {
      const found = store.get(key);
      const kept = (found?.value as Record<string, string> | undefined) ?? {};
      let size = found?.size ?? 2;
      let added = false;
      if (found) counts.hits++;
      else counts.misses++;
      return {
        get: (id) => kept[id],
        add: (id, text) => {
          if (kept[id] === undefined) size += id.length + stringBytes(text) + 6;
          kept[id] = flatCopy(text);
          added = true;
        },
        commit: () => {
          if (added) store.set(key, { value: kept, size });
          added = false;
        },
      };
    },
    stats: () => ({ ...counts, entries: store.size, bytes: store.calculatedSize, maxBytes, inFlight: inFlight.size }),
  };
}

const g = globalThis as unknown as { __ssiFigureCache?: FigureCache };
const shared = () => (g.__ssiFigureCache ??= createFigureCache(env().CACHE_MAX_MB * 1024 * 1024));

export function cachedTeamFigure<T>(teamId: string, version: number, key: string, load: () => Promise<T>): Promise<T> {
  return shared().get(`${teamId}:${version}:${key}`, load);
}

/**
 * Strings kept for the team at this data version (see KeptStrings): the rendered rows of one class of board views,
 * so a committed write, which raises the version, is never followed by a row rendered before it.
 */
export function keptTeamStrings(teamId: string, version: number, key: string): KeptStrings {
  return shared().strings(`${teamId}:${version}:${key}`);
}

/** Hits, misses, entries and bytes since start (tests and the benchmark). */
export function teamFigureCacheStats() {
  return shared().stats();
}
