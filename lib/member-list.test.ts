import { describe, expect, it } from "vitest";
import { memberListPage, parseMemberListParams } from "./member-list";

const people = Array.from({ length: 250 }, (_, i) => ({ name: i === 7 ? null : `Person ${i + 1}`, email: `p${i + 1}@example.test` }));

describe("the members page's list", () => {
  it("shows 100 at a time, with the range and the page count; past the end shows the last page", () => {
    expect(memberListPage(people, "", 1)).toMatchObject({ matching: 250, page: 1, pages: 3, from: 1, to: 100 });
    expect(memberListPage(people, "", 1).shown[0]!.email).toBe("p1@example.test");
    const last = memberListPage(people, "", 3);
    expect(last).toMatchObject({ page: 3, from: 201, to: 250 });
    expect(last.shown.map((p) => p.email).at(-1)).toBe("p250@example.test");
    expect(memberListPage(people, "", 99).page).toBe(3);
    expect(memberListPage([], "", 1)).toMatchObject({ shown: [], matching: 0, page: 1, pages: 1, from: 0, to: 0 });
  });

  it("finds people by any part of their name or email, ignoring case, including someone without a name", () => {
    expect(memberListPage(people, "PERSON 25", 1).shown.map((p) => p.name)).toEqual(["Person 25", "Person 250"]);
    expect(memberListPage(people, "p8@", 1).shown).toEqual([{ name: null, email: "p8@example.test" }]);
    expect(memberListPage(people, "nobody", 1)).toMatchObject({ matching: 0, from: 0 });
    // A search narrows the pages too.
    expect(memberListPage(people, "person 1", 1)).toMatchObject({ matching: 111, pages: 2 });
  });

  it("reads the query string defensively: a bad page is page 1, a search is trimmed, shortened and without control characters", () => {
    expect(parseMemberListParams({})).toEqual({ q: "", page: 1 });
    expect(parseMemberListParams({ page: "3", q: "  ana  " })).toEqual({ q: "ana", page: 3 });
    for (const page of ["0", "-1", "2.5", "x", "1e3", "9999999"]) expect(parseMemberListParams({ page }).page).toBe(1);
    expect(parseMemberListParams({ page: ["2", "3"], q: ["a", "b"] })).toEqual({ q: "", page: 1 });
    expect(parseMemberListParams({ q: "a\u0000b\nc" }).q).toBe("abc");
    expect(parseMemberListParams({ q: "x".repeat(500) }).q).toHaveLength(100);
  });
});
