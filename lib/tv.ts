/** Refresh period from the query string: 60 s by default, 5–3600 s accepted. */
export function refreshSeconds(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 5 && n <= 3600 ? n : 60;
}
