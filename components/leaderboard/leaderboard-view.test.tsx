import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { BoardEntry, Leaderboard } from "@/db/queries/leaderboard-types";
import { LeaderboardView } from "./leaderboard-view";

/** A board of `n` ranked people (totals descending, so rank i+1), the viewer at `viewerRank`. */
function board(n: number, viewerRank: number): Leaderboard {
  const entries: BoardEntry[] = Array.from({ length: n }, (_, i) => ({
    userId: `u${i + 1}`,
    name: `Person ${i + 1}`,
    status: "ranked",
    rank: i + 1,
    rankChange: 0,
    value: 90 - i * 0.1,
    total: 90 - i * 0.1,
    components: { brand: 20, people: 20, insights: 20, relationships: 20 },
    totalChange: 0,
    measuredOn: "2026-11-20",
    daysAgo: 1,
    isViewer: i + 1 === viewerRank,
    hidden: false,
  }));
  return {
    teamName: "Big Team",
    asOf: "2026-11-21",
    today: "2026-11-21",
    by: "total",
    staleDays: 14,
    entries,
    rankedCount: n,
    memberCount: n,
    average: 80,
    median: 80,
    viewer: { rank: viewerRank, status: "ranked" },
  };
}

const render = (b: Leaderboard, page?: number) =>
  renderToStaticMarkup(<LeaderboardView board={b} submitHref="/t/big/submit" teamSlug="big" page={page} />);
const rows = (html: string) => html.match(/data-testid="board-row"/g)?.length ?? 0;
const rowNames = (html: string) => [...html.matchAll(/data-testid="board-row" data-user-name="([^"]+)"/g)].map((m) => m[1]);

describe("a long leaderboard shows a page of ranks at a time", () => {
  it("shows ranks 1–100 first, with the way to the next page and to the viewer's own place", () => {
    const html = render(board(250, 180));
    expect(rows(html)).toBe(100);
    expect(rowNames(html)[0]).toBe("Person 1");
    expect(rowNames(html)[99]).toBe("Person 100");
    expect(html).toContain("Ranks 1–100 of 250 ranked · page 1 of 3");
    expect(html).toContain('href="/t/big?page=2" class="rounded-md border border-line px-3 py-1.5 no-underline hover:bg-raised">Your place (page 2)');
    expect(html).toMatch(/href="\/t\/big\?page=2"[^>]*rel="next"/);
    expect(html).not.toContain('rel="prev"');
  });

  it("shows the last page's ranks, keeps date and ranking in the links, and clamps a page past the end", () => {
    const b = { ...board(250, 5), asOf: "2026-10-01", by: "brand" as const };
    const last = render(b, 3);
    expect(rowNames(last)).toEqual(Array.from({ length: 50 }, (_, i) => `Person ${201 + i}`));
    expect(last).toContain("Ranks 201–250 of 250 ranked · page 3 of 3");
    expect(last).toMatch(/href="\/t\/big\?asOf=2026-10-01&amp;by=brand&amp;page=2"[^>]*rel="prev"/);
    expect(last).toContain("Your place (page 1)");
    expect(render(b, 99)).toContain("page 3 of 3");
  });

  it("shows a board of up to 100 ranked people whole, without page links", () => {
    const html = render(board(100, 3));
    expect(rows(html)).toBe(100);
    expect(html).not.toContain("Ranking pages");
  });
});
