import { describe, expect, it } from "vitest";
import { INVITE_LIST_MESSAGES as M, parseInviteTable, parseInviteText } from "./invite-list";
import { readCsvTable } from "./spreadsheet/table";

const brief = (lines: ReturnType<typeof parseInviteText>) => lines.map((l) => [l.line, l.name, l.email, l.problem ?? null]);

describe("a pasted list of people to invite", () => {
  it("reads plain addresses, Name <email>, quoted names, spreadsheet columns and address-book lines", () => {
    const text = [
      "ana@example.test",
      "  Ben Ode <Ben.Ode@Example.test>  ",
      '"Cruz, Carla" <carla@example.test>; Dan <dan@example.test>, eve@example.test',
      "Finn Fay\tfinn@example.test",
      "gus@example.test, Gus Gil",
      "",
      "mailto:hal@example.test",
    ].join("\n");
    expect(brief(parseInviteText(text))).toEqual([
      [1, null, "ana@example.test", null],
      [2, "Ben Ode", "ben.ode@example.test", null],
      [3, "Cruz, Carla", "carla@example.test", null],
      [3, "Dan", "dan@example.test", null],
      [3, null, "eve@example.test", null],
      [4, "Finn Fay", "finn@example.test", null],
      [5, "Gus Gil", "gus@example.test", null],
      [7, null, "hal@example.test", null],
    ]);
  });

  it("names each line that is not an address, and the repeats", () => {
    expect(brief(parseInviteText("ivy@\nJust A Name\nJo <jo@nowhere>\nana@example.test\nANA@example.test"))).toEqual([
      [1, null, null, M.notAddress("ivy@")],
      [2, null, null, M.noAddress],
      [3, "Jo", null, M.notAddress("jo@nowhere")],
      [4, null, "ana@example.test", null],
      [5, null, "ana@example.test", M.duplicate(4)],
    ]);
  });
});

describe("a CSV of names and emails", () => {
  const table = (text: string) => {
    const r = readCsvTable(text, 1000);
    if (!r.ok) throw new Error(r.error);
    return r.table;
  };

  it("finds the columns by their names, in any order and dialect", () => {
    expect(brief(parseInviteTable(table("Team;E-Mail;Full name\nEast;ana@example.test;Ana Alves\nWest;not-an-address;Bo\nWest;;Cy\n")) as never)).toEqual([
      [2, "Ana Alves", "ana@example.test", null],
      [3, "Bo", null, M.notAddress("not-an-address")],
      [4, "Cy", null, M.noAddress],
    ]);
  });

  it("reads a file without a header row, and refuses one without addresses", () => {
    expect(brief(parseInviteTable(table("Ana Alves,ana@example.test\nbo@example.test,Bo\n")) as never)).toEqual([
      [1, "Ana Alves", "ana@example.test", null],
      [2, "Bo", "bo@example.test", null],
    ]);
    expect(parseInviteTable(table("Name,Team\nAna,East\n"))).toEqual({ error: M.noEmailColumn });
  });
});
