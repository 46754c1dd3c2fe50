import { describe, expect, it } from "vitest";
import { PASTE_NOTHING_FOUND, parseSsiPaste } from "./ssi-paste";
import { ENGLISH_PAGE } from "./testing/ssi-pages";

/** The whole of linkedin.com/sales/ssi after Ctrl+A, Ctrl+C in Chrome: one text node per line. */
const FULL_PAGE = ENGLISH_PAGE.text;

function ok(text: string) {
  const result = parseSsiPaste(text);
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result;
}

describe("parseSsiPaste", () => {
  it("reads every value from a full page copy, ignoring navigation and footer", () => {
    const r = ok(FULL_PAGE);
    expect(r.values).toEqual({
      total: 71,
      brand: 18.52,
      people: 16.3,
      insights: 14.75,
      relationships: 21.4,
      industryRank: 3,
      networkRank: 1,
      industryAvg: 28,
      networkAvg: 25,
    });
    expect(r.found).toEqual([
      "Total SSI: 71",
      "Establish your professional brand: 18.52",
      "Find the right people: 16.3",
      "Engage with insights: 14.75",
      "Build relationships: 21.4",
      "Industry SSI rank: Top 3%",
      "Network SSI rank: Top 1%",
      "Industry average SSI: 28",
      "Network average SSI: 25",
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("reads decimal commas and number-first lines with ranks before their labels", () => {
    const r = ok(`Ihr Browser: Chrome
Your Social Selling Index
Top 85% Industry SSI rank
Top 94% Network SSI rank
Current Social Selling Index
16 out of 100
Four components of your score
12,275 | Establish your professional brand
0,5 | Find the right people
2,1 | Engage with insights
1,25 | Build relationships`);
    expect(r.values).toEqual({
      total: 16,
      brand: 12.275,
      people: 0.5,
      insights: 2.1,
      relationships: 1.25,
      industryRank: 85,
      networkRank: 94,
    });
  });

  it("returns what it found when ranks and averages were not copied", () => {
    const r = ok(`Four components of your score
12.275  Establish your professional brand
6  Find the right people
3.1  Engage with insights
1.948  Build relationships`);
    expect(r.values).toEqual({ brand: 12.275, people: 6, insights: 3.1, relationships: 1.948 });
    expect(r.found).toHaveLength(4);
  });

  it("reads labels followed by their numbers on the next line", () => {
    const r = ok(`Industry SSI rank
Top 65%
Network SSI rank
Top 80%
Current Social Selling Index
60
Establish your professional brand
18.52
Find the right people
12.1
Engage with insights
9.33
Build relationships
20.05
Sales professionals in the Retail industry have an average SSI of 31.
People in your network have an average SSI of 30.`);
    expect(r.values).toEqual({
      total: 60,
      brand: 18.52,
      people: 12.1,
      insights: 9.33,
      relationships: 20.05,
      industryRank: 65,
      networkRank: 80,
      industryAvg: 31,
      networkAvg: 30,
    });
  });

  it("reads 'label: number' lines typed or copied by hand", () => {
    const r = ok(`My SSI today
Establish your professional brand: 18,5
Find the right people: 11
Engage with insights - 7.25
Build relationships 19.75
Industry SSI rank: Top 12%`);
    expect(r.values).toEqual({
      brand: 18.5,
      people: 11,
      insights: 7.25,
      relationships: 19.75,
      industryRank: 12,
    });
  });

  it("reads a copy whose line breaks were lost", () => {
    const r = ok(FULL_PAGE.replace(/\n/g, " "));
    expect(r.values).toMatchObject({
      total: 71,
      brand: 18.52,
      people: 16.3,
      insights: 14.75,
      relationships: 21.4,
    });
    expect(r.values).toMatchObject({ industryRank: 3, networkRank: 1, industryAvg: 28, networkAvg: 25 });
  });

  it("falls back to the comparison cards for ranks and averages", () => {
    const r = ok(`18.52 Establish your professional brand
People in your industry
36
out of 100
You rank in the top 4%
People in your network
33
out of 100
You rank in the top 2%`);
    expect(r.values).toEqual({
      brand: 18.52,
      industryAvg: 36,
      industryRank: 4,
      networkAvg: 33,
      networkRank: 2,
    });
  });

  it("returns a partial result when only some components were copied", () => {
    const r = ok(`16.3
Find the right people
14.75
Engage with insights`);
    expect(r.values).toEqual({ people: 16.3, insights: 14.75 });
    expect(r.found).toEqual(["Find the right people: 16.3", "Engage with insights: 14.75"]);
  });

  it("skips out-of-range values instead of filling them", () => {
    const r = ok(`31.5 | Establish your professional brand
12 | Find the right people
Top 0% Industry SSI rank`);
    expect(r.values).toEqual({ people: 12 });
    expect(r.warnings).toEqual([
      "Skipped Establish your professional brand: 31.5 is not between 0 and 25.",
      "Skipped Industry SSI rank: 0 is not a Top % above 0 and at most 100.",
    ]);
  });

  it("drops a total that contradicts the four components", () => {
    const r = ok(`Current Social Selling Index
90 out of 100
10 Establish your professional brand
10 Find the right people
10 Engage with insights
10 Build relationships`);
    expect(r.values.total).toBeUndefined();
    expect(r.values.brand).toBe(10);
    expect(r.warnings).toEqual(["Skipped Total SSI: 90 doesn't match the sum of the four components (40)."]);
  });

  it("does not take a percentage or the '100' of 'out of 100' as a component", () => {
    const r = ok(`71 out of 100
Establish your professional brand
Top 4%
Find the right people 12`);
    expect(r.values).toEqual({ total: 71, people: 12 });
  });

  it("does not take an average shown as 'N out of 100' as the last component", () => {
    const r = ok("20 Engage with insights\n21.4\nBuild relationships\n28\nout of 100");
    expect(r.values).toEqual({ insights: 20, relationships: 21.4 });
  });

  it("handles Windows line endings and non-breaking spaces", () => {
    const r = ok(
      "18,52\u00a0| Establish your professional brand\r\n16.3\u202f| Find the right people\r\nTop\u00a03\u00a0% Industry SSI rank\r\n",
    );
    expect(r.values).toEqual({ brand: 18.52, people: 16.3, industryRank: 3 });
  });

  it("keeps values next to their labels despite indentation and blank lines", () => {
    const r = ok(
      `Four components of your score\n\n        18.52\n\n\n        Establish your professional brand\n\n${" ".repeat(80)}\n        16.3\n\n        Find the right people`,
    );
    expect(r.values).toEqual({ brand: 18.52, people: 16.3 });
  });

  it("explains what to do when the text holds no scores", () => {
    for (const text of [
      "",
      "Home My Network Jobs Messaging Notifications 12\nStart a post\nJane Doe reacted to this 3d",
      "Current Social Selling Index\n71\nout of 100", // a total alone can't fill the form
      "Find the right people to hire with LinkedIn Recruiter. 4.8 stars.",
    ]) {
      expect(parseSsiPaste(text)).toEqual({ ok: false, message: PASTE_NOTHING_FOUND });
    }
  });
});
