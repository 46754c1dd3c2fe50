// Property-based tests: every validation schema, fed random and hostile values, never throws; a refusal names the
// field (its path and its message); what it accepts is in range and can be stored (no NUL in text).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addDays } from "@/lib/dates";
import { hasNul, hostileRecord, hostileString, hostileValue } from "@/lib/testing/hostile";
import { COMPONENT_LABELS, COMPONENTS, sumComponents, totalMatchesComponents } from "@/lib/ssi";
import { passwordChangeInput, profileInput, tokenNameInput } from "./account";
import { safeCallbackPath, signInInput, signUpInput } from "./auth";
import { parseBoardParams } from "./board";
import { parseDateParam, parseWeeks } from "./dashboard";
import { goalInputSchema } from "./goal";
import { invitationInput } from "./invitation";
import { SNAPSHOT_FIELDS, snapshotInputSchema } from "./snapshot";
import { teamInput } from "./team";

const TODAY = "2025-03-14";
const RUNS = { numRuns: 200 };

/** Parses and checks a refusal: only known fields, each message saying which field it is about. */
function parseNamingFields<T>(schema: z.ZodType<T>, input: unknown, fieldWords: Record<string, RegExp>) {
  const result = schema.safeParse(input);
  if (!result.success) {
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) {
      const field = String(issue.path[0]);
      expect(Object.keys(fieldWords), `issue at ${JSON.stringify(issue.path)}: ${issue.message}`).toContain(field);
      expect(issue.message, `message for ${field}`).toMatch(fieldWords[field]!);
    }
    expect(z.flattenError(result.error).formErrors).toEqual([]);
  }
  return result;
}

/** A short, never-throwing rendering of any value for assertion messages. */
const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v.slice(0, 40)) : typeof v === "object" && v ? "[object]" : String(v));
const score = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((n) => n / 1000);
const scoreText = (max: number) =>
  fc.tuple(score(max), fc.constantFrom(".", ",")).map(([v, sep]) => String(v).replace(".", sep));
const pastDate = fc.integer({ min: 0, max: 4000 }).map((n) => addDays(TODAY, -n)).filter((d) => d >= "2014-01-01");

describe("snapshot schema (forms, CSV rows and the JSON API)", () => {
  const schema = snapshotInputSchema(TODAY);
  const words: Record<string, RegExp> = {
    measuredOn: /date/i,
    ...Object.fromEntries(COMPONENTS.map((c) => [c, new RegExp(COMPONENT_LABELS[c].linkedIn)])),
    total: /Total/,
    industryRank: /Industry SSI rank/,
    networkRank: /Network SSI rank/,
    industryAvg: /Industry average SSI/,
    networkAvg: /Network average SSI/,
  };
  const valid = {
    measuredOn: pastDate,
    ...Object.fromEntries(COMPONENTS.map((c) => [c, fc.oneof(score(25), scoreText(25))])),
    industryRank: fc.integer({ min: 1, max: 100 }),
    networkAvg: score(100),
  };

  it("never throws, names the field it refuses, and accepts only in-range, storable values", () => {
    fc.assert(
      fc.property(hostileRecord(valid), (input) => {
        const r = parseNamingFields(schema, input, words);
        if (!r.success) return;
        const v = r.data;
        expect(v.measuredOn >= "2014-01-01" && v.measuredOn <= TODAY).toBe(true);
        for (const c of COMPONENTS) expect(v[c] >= 0 && v[c] <= 25, c).toBe(true);
        expect(Number.isFinite(v.total) && v.total >= 0 && v.total <= 100).toBe(true);
        expect(totalMatchesComponents(v.total, sumComponents(v))).toBe(true);
        for (const f of ["industryRank", "networkRank"] as const) if (v[f] !== undefined) expect(v[f]! > 0 && v[f]! <= 100).toBe(true);
        for (const f of ["industryAvg", "networkAvg"] as const) if (v[f] !== undefined) expect(v[f]! >= 0 && v[f]! <= 100).toBe(true);
        expect(Object.keys(v).every((k) => (SNAPSHOT_FIELDS as readonly string[]).includes(k))).toBe(true);
      }),
      RUNS,
    );
  });

  it("a single bad field is reported at that field (or at the total it no longer matches), never elsewhere", () => {
    const base = { measuredOn: "2025-03-01", brand: "18.52", people: "16.3", insights: "14.75", relationships: "21.4", total: "71" };
    fc.assert(
      fc.property(fc.constantFrom(...SNAPSHOT_FIELDS), hostileValue, (field, bad) => {
        const r = parseNamingFields(schema, { ...base, [field]: bad }, words);
        if (r.success) return;
        const fields = Object.keys(z.flattenError(r.error).fieldErrors);
        expect(fields.every((f) => f === field || f === "total"), `${field}=${show(bad)} → ${fields}`).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("form schemas", () => {
  it("team settings: never throw, name the field, accept only storable names and real time zones", () => {
    const words = {
      name: /team name/i,
      timeZone: /time zone/i,
      weekStart: /week starts/i,
      staleDays: /staleness/i,
      digestDay: /digest day/i,
      digestHour: /digest hour/i,
    };
    const valid = {
      name: fc.string({ minLength: 2, maxLength: 40 }),
      timeZone: fc.constantFrom("Europe/Berlin", "UTC", "america/new_york", "Asia/Kolkata"),
      weekStart: fc.integer({ min: 1, max: 7 }).map(String),
      staleDays: fc.integer({ min: 1, max: 90 }).map(String),
      digestDay: fc.integer({ min: 1, max: 7 }).map(String),
      digestHour: fc.integer({ min: 0, max: 23 }).map(String),
    };
    fc.assert(
      fc.property(hostileRecord(valid, hostileString), (input) => {
        const r = parseNamingFields(teamInput, input, words);
        if (!r.success) return;
        expect(hasNul(r.data.name)).toBe(false);
        expect(r.data.name.length).toBeGreaterThanOrEqual(2);
        expect(r.data.name.length).toBeLessThanOrEqual(60);
        expect(() => new Intl.DateTimeFormat("en-US", { timeZone: r.data.timeZone })).not.toThrow();
      }),
      RUNS,
    );
  });

  it("sign-up, sign-in and account forms: never throw, name the field, store no NUL", () => {
    const email = fc.emailAddress().filter((e) => e.length <= 254);
    const password = fc.string({ minLength: 10, maxLength: 30 });
    const cases: [z.ZodType, Record<string, fc.Arbitrary<string>>, Record<string, RegExp>][] = [
      [signUpInput, { name: fc.string({ minLength: 1 }), email, password }, { name: /name/i, email: /email/i, password: /password/i }],
      [signInInput, { email, password }, { email: /email/i, password: /password/i }],
      [
        profileInput,
        { name: fc.string({ minLength: 1 }), email, timeZone: fc.constantFrom("", "Europe/Paris") },
        { name: /name/i, email: /email/i, timeZone: /time zone/i },
      ],
      [passwordChangeInput, { currentPassword: password, newPassword: password }, { currentPassword: /current password/i, newPassword: /password/i }],
      [tokenNameInput, { name: fc.string({ minLength: 1, maxLength: 60 }) }, { name: /name/i }],
    ];
    for (const [schema, valid, words] of cases) {
      fc.assert(
        fc.property(hostileRecord(valid, hostileString), (input) => {
          const r = parseNamingFields(schema, input, words);
          if (!r.success) return;
          const data = r.data as Record<string, unknown>;
          for (const key of ["name", "email"]) if (typeof data[key] === "string") expect(hasNul(data[key] as string), key).toBe(false);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("invitations: never throw, name the field, and keep the limits", () => {
    const valid = {
      email: fc.oneof(fc.constant(""), fc.emailAddress()),
      role: fc.constantFrom("member", "manager"),
      expiresInDays: fc.integer({ min: 1, max: 30 }).map(String),
    };
    fc.assert(
      fc.property(hostileRecord(valid, hostileString), (input) => {
        const r = parseNamingFields(invitationInput, input, { email: /email/i, role: /role/i, expiresInDays: /valid/i });
        if (!r.success) return;
        expect(["member", "manager"]).toContain(r.data.role);
        expect(Number.isInteger(r.data.expiresInDays) && r.data.expiresInDays >= 1 && r.data.expiresInDays <= 30).toBe(true);
      }),
      RUNS,
    );
  });

  it("goals: never throw, name the field, and accept only in-range targets and future dates", () => {
    const schema = goalInputSchema(TODAY);
    const words = {
      targetTotal: /target SSI/i,
      targetBrand: /Brand target/i,
      targetPeople: /People target/i,
      targetInsights: /Insights target/i,
      targetRelationships: /Relationships target/i,
      targetDate: /date/i,
    };
    const valid = {
      targetTotal: scoreText(100),
      targetBrand: scoreText(25),
      targetDate: fc.integer({ min: 1, max: 1800 }).map((n) => addDays(TODAY, n)),
    };
    fc.assert(
      fc.property(hostileRecord(valid, hostileString), (input) => {
        const r = parseNamingFields(schema, input, words);
        if (!r.success) return;
        expect(r.data.targetTotal >= 0 && r.data.targetTotal <= 100).toBe(true);
        expect(r.data.targetDate > TODAY).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("query-string readers", () => {
  const queryValue = fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), fc.constant(undefined));
  it("fall back to safe defaults for anything, and follow only same-site callback paths", () => {
    fc.assert(
      // What Next hands a page as searchParams: a string, several strings, or nothing.
      fc.property(queryValue, queryValue, (a, b) => {
        const board = parseBoardParams({ asOf: a, by: b }, TODAY);
        expect(board.asOf >= "2014-01-01" && board.asOf <= TODAY).toBe(true);
        expect([12, 26, 52]).toContain(parseWeeks(a));
        expect(parseDateParam(a, TODAY)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const next = safeCallbackPath(a);
        expect(next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")).toBe(true);
      }),
      RUNS,
    );
  });
});
