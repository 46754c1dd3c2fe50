/**
 * An in-process cache for team figures (boards, dashboard aggregates), keyed by the team's data version, which
 * the database raises in the same transaction as every change those figures depend on (migration 0005). A
 * request reads the version with the membership it loads anyway, so a figure computed before a committed write
 * is never served after it, on this instance or any other. Entries are promises: concurrent requests for the
 * same figure share one query. Old versions are never asked for again and fall out by age (LRU).
 */
const MAX_ENTRIES = 200;
const store = new Map<string, Promise<unknown>>();
const stats = { hits: 0, misses: 0 };

export function cachedTeamFigure<T>(teamId: string, version: number, key: string, load: () => Promise<T>): Promise<T> {
  const k = `${teamId}:${version}:${key}`;
  const found = store.get(k);
  if (found) {
    stats.hits++;
    store.delete(k);
    store.set(k, found); // most recently used last
    return found as Promise<T>;
  }
  stats.misses++;
  const loading = load();
  store.set(k, loading);
  loading.catch(() => store.delete(k)); // a failed query is not remembered
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
  return loading;
}

/** Hits and misses since start (tests and the benchmark). */
export function teamFigureCacheStats() {
  return { ...stats, entries: store.size };
}
