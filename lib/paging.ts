/** A page number from a query string: a positive whole number of at most six digits, otherwise page 1. */
export function parsePageParam(raw: string | string[] | undefined): number {
  return typeof raw === "string" && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1;
}

/**
 * The page of `items` to show, `perPage` at a time: below page 1 shows the first, past the last page shows the
 * last. `from` and `to` are 1-based positions of the shown items (0 and 0 when there are none).
 */
export function pageOf<T>(items: T[], requested: number, perPage: number) {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.min(Math.max(1, requested), pages);
  const shown = items.slice((page - 1) * perPage, page * perPage);
  const from = shown.length ? (page - 1) * perPage + 1 : 0;
  return { shown, page, pages, from, to: from ? from + shown.length - 1 : 0 };
}
