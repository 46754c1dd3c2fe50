/** Members shown per page: a 1,000-member team's whole list is megabytes of forms (three per person). */
export const MEMBERS_PER_PAGE = 100;

/** Reads the members page's query string: a search text (trimmed, at most 100 characters) and a page number. */
export function parseMemberListParams(params: Record<string, string | string[] | undefined>) {
  const q = typeof params.q === "string" ? params.q.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 100) : "";
  const page = typeof params.page === "string" && /^[1-9][0-9]{0,5}$/.test(params.page) ? Number(params.page) : 1;
  return { q, page };
}

/**
 * The members matching `q` (in name or email, ignoring case), and the page of them to show: past the last page
 * shows the last. `from` and `to` are 1-based positions in the matching list (0 and 0 when nothing matches).
 */
export function memberListPage<T extends { name: string | null; email: string }>(all: T[], q: string, requested: number, perPage = MEMBERS_PER_PAGE) {
  const needle = q.toLocaleLowerCase("en");
  const matching = needle ? all.filter((m) => `${m.name ?? ""}\n${m.email}`.toLocaleLowerCase("en").includes(needle)) : all;
  const pages = Math.max(1, Math.ceil(matching.length / perPage));
  const page = Math.min(Math.max(1, requested), pages);
  const shown = matching.slice((page - 1) * perPage, page * perPage);
  const from = shown.length ? (page - 1) * perPage + 1 : 0;
  return { shown, matching: matching.length, page, pages, from, to: from ? from + shown.length - 1 : 0 };
}
