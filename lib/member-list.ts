import { pageOf, parsePageParam } from "@/lib/paging";

/** Members shown per page: a 1,000-member team's whole list is megabytes of forms (three per person). */
export const MEMBERS_PER_PAGE = 100;

/** Reads the members page's query string: a search text (trimmed, at most 100 characters) and a page number. */
export function parseMemberListParams(params: Record<string, string | string[] | undefined>) {
  const q = typeof params.q === "string" ? params.q.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 100) : "";
  return { q, page: parsePageParam(params.page) };
}

/**
 * The members matching `q` (in name or email, ignoring case), and the page of them to show: past the last page
 * shows the last. `from` and `to` are 1-based positions in the matching list (0 and 0 when nothing matches).
 */
export function memberListPage<T extends { name: string | null; email: string }>(all: T[], q: string, requested: number, perPage = MEMBERS_PER_PAGE) {
  const needle = q.toLocaleLowerCase("en");
  const matching = needle ? all.filter((m) => `${m.name ?? ""}\n${m.email}`.toLocaleLowerCase("en").includes(needle)) : all;
  return { ...pageOf(matching, requested, perPage), matching: matching.length };
}
