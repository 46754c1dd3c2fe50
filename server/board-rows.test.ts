import { describe, expect, it } from "vitest";
import type { BoardEntry } from "@/db/queries/leaderboard-types";
import { createFigureCache } from "@/db/queries/cache";
import { rankedRowHtml, rankedRowsHtml } from "@/components/leaderboard/ranked-rows";

// The ranked rows' markup, and the board page's kept rows (app/(app)/t/[slug]/page.tsx): rows of one class of
// views in the figure cache.
const entry = (i: number, over: Partial<BoardEntry> = {}): BoardEntry => ({
  userId: `u${i}`,
  name: `Person ${i}`,
  status: "ranked",
  rank: i,
  rankChange: 0,
  value: 80 - i,
  total: 80 - i,
  components: { brand: 20, people: 20, insights: 20, relationships: 20 - i },
  totalChange: null,
  measuredOn: "2026-11-20",
  daysAgo: 1,
  isViewer: false,
  hidden: false,
  ...over,
});

describe("the ranked rows' markup", () => {
  it("is a real table row with the name as row header, and escapes whatever a person calls themself", () => {
    const html = rankedRowHtml(entry(1, { name: `<img src=x onerror="alert(1)"> & 'Bo'` }), false);
    expect(html).toMatch(/^<tr data-testid="board-row" data-user-name="&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; &amp; &#39;Bo&#39;" data-rank="1">/);
    expect(html).toContain('<th scope="row" data-col="name"><span title="&lt;img');
    expect(html).not.toMatch(/<img|onerror="/);
    expect(html).toContain('<td data-col="relationships"><span class="pv"><span style="--w:76.0%"></span>19.00</span></td>');
    expect(html).toContain('<span class="sr-only"> No earlier score</span>');
  });

  it("marks the viewer's own row (aria-current, You) and ties, and shows a hider's note instead of the bars", () => {
    const own = rankedRowHtml(entry(2, { isViewer: true, rankChange: -3 }), true);
    expect(own).toContain('aria-current="true"');
    expect(own).toContain("> You</span></th>");
    expect(own).toContain('<td data-col="rank" title="Tied for #2"><span class="sr-only">Rank </span>2<span class="sr-only">, tied</span></td>');
    expect(own).toContain('<span aria-hidden="true">▼</span>3<span class="sr-only"> places down</span>');
    const hider = rankedRowHtml(entry(3, { hidden: true, components: null }), false);
    expect(hider).toContain('<td colspan="4" data-col="hidden"><span data-testid="components-hidden"');
    expect(hider).toContain("Breakdown hidden by Person 3");
    expect(hider).not.toContain('data-col="brand"');
  });
});

describe("kept board rows", () => {
  it("reuses kept rows for the next viewer of the class, but builds each viewer's own row for them", () => {
    const cache = createFigureCache(1 << 20);
    const rows = (version: number) => cache.strings(`team:${version}:board-rows:2026-11-21:total:14:member`);
    const tied = new Set<number>();
    // Ana (u1) views first: her row is hers only; Bo's and Cy's are kept.
    const asAna = rankedRowsHtml([entry(1, { isViewer: true }), entry(2), entry(3)], tied, rows(7));
    expect(asAna.match(/ You</g)).toHaveLength(1);
    expect(cache.stats().entries).toBe(1);
    // Bo (u2) views the same class: his own row is built for him, Ana's (not kept yet) is built and kept.
    const asBo = rankedRowsHtml([entry(1), entry(2, { isViewer: true }), entry(3)], tied, rows(7));
    expect(asBo).toContain(rankedRowHtml(entry(2, { isViewer: true }), false));
    expect(asBo).toContain(rankedRowHtml(entry(1), false));
    expect(asBo.match(/aria-current/g)).toHaveLength(1);
    // A kept row is served as kept: a row that changed under the same version would not show (so the key must
    // change with every write: the team's data version does).
    const stale = rankedRowsHtml([entry(1, { name: "Renamed" }), entry(2), entry(3, { isViewer: true })], tied, rows(7));
    expect(stale).not.toContain("Renamed");
    const fresh = rankedRowsHtml([entry(1, { name: "Renamed" }), entry(2), entry(3, { isViewer: true })], tied, rows(8));
    expect(fresh).toContain("Renamed");
  });

  it("counts kept rows against the cache's bound in bytes", () => {
    const cache = createFigureCache(20_000);
    const many = Array.from({ length: 40 }, (_, i) => entry(i + 1));
    rankedRowsHtml(many, new Set(), cache.strings("t:1:rows"));
    // 40 rows of about 1 kB (2 bytes a character: a row has a dash) do not fit in 20,000 bytes: the record is not
    // kept at all rather than kept uncounted.
    expect(cache.stats().bytes).toBeLessThanOrEqual(20_000);
    const few = Array.from({ length: 3 }, (_, i) => entry(i + 1));
    rankedRowsHtml(few, new Set(), cache.strings("t:1:few"));
    const { bytes } = cache.stats();
    expect(bytes).toBeGreaterThan(few.map((e) => rankedRowHtml(e, false)).join("").length);
    expect(bytes).toBeLessThanOrEqual(20_000);
  });
});
