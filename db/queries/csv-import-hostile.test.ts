// Property-based tests of the CSV import: random and hostile files never throw, a refused row writes nothing and
// says why (naming the column), and only valid rows of the team's members are stored.
import fc from "fast-check";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { auditLog, snapshots } from "../schema";
import { applySnapshotImport, previewSnapshotImport } from "./csv-import";
import { CSV_COLUMNS, parseSnapshotCsv } from "@/lib/csv-snapshots";
import { hostileString, HOSTILE_STRINGS } from "@/lib/testing/hostile";

const t = setupTestDatabase();
const TODAY = "2025-03-14";
/** Every row error must say which column or which person it is about. */
const NAMES_A_FIELD = /date|email|member|line|Establish|Find the right|Engage|Build relationships|Total|Industry|Network/;

async function counts() {
  const [s] = await t.db().select({ n: count() }).from(snapshots);
  const [a] = await t.db().select({ n: count() }).from(auditLog);
  return { snapshots: s!.n, audit: a!.n };
}

/** A CSV cell: quoted properly, or (sometimes) left raw so quotes and line breaks break the row. */
const cell = (value: fc.Arbitrary<string>) =>
  fc.tuple(value, fc.boolean()).map(([v, quote]) => (quote ? `"${v.replace(/"/g, '""')}"` : v));

describe(`CSV import of hostile files on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("never throws, explains every refused row by its column, and stores only valid rows of members", async () => {
    const manager = await makeUser({ name: "Manager" });
    const team = await makeTeam(manager.id);
    const ana = await makeUser({ name: "Ana", email: "ana-hostile@example.test" });
    await addMember(team.id, ana.id);
    await makeUser({ email: "outsider-hostile@example.test" });
    await makeSnapshot(ana.id, "2025-03-01", 40);

    const score = fc.integer({ min: 0, max: 25_000 }).map((n) => String(n / 1000));
    const valid: Record<string, fc.Arbitrary<string>> = {
      email: fc.constantFrom("ana-hostile@example.test", "ANA-HOSTILE@example.test", "outsider-hostile@example.test", "nobody@example.test"),
      measured_on: fc.constantFrom("2025-03-01", "2025-03-02", "2025-03-13"),
      brand: score,
      people: score,
      insights: score,
      relationships: score,
    };
    const value = (col: string) => (valid[col] ? fc.oneof({ arbitrary: valid[col]!, weight: 3 }, { arbitrary: hostileString, weight: 1 }) : hostileString);
    const header = fc.oneof(
      { arbitrary: fc.constant([...CSV_COLUMNS]), weight: 4 },
      { arbitrary: fc.shuffledSubarray([...CSV_COLUMNS, "EMAIL", " Measured On ", "extra", "<b>x</b>"]), weight: 1 },
    );
    const file = header.chain((cols) =>
      fc.tuple(
        fc.constant(cols),
        fc.array(fc.tuple(...cols.map((c) => cell(value(c.trim().toLowerCase().replace(/\s+/g, "_"))))), { maxLength: 6 }),
        fc.constantFrom("\n", "\r\n", "\r"),
      ),
    );
    const text = fc.oneof(
      { arbitrary: file.map(([cols, rows, nl]) => [cols.join(","), ...rows.map((r) => r.join(","))].join(nl)), weight: 4 },
      { arbitrary: hostileString, weight: 1 },
      { arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map((s) => `email,measured_on,brand,people,insights,relationships\n${s},${s},${s},${s},${s},${s}`), weight: 1 },
    );

    await fc.assert(
      fc.asyncProperty(text, async (csv) => {
        const parsed = parseSnapshotCsv(csv);
        if (!parsed.ok) {
          expect(parsed.error.length).toBeGreaterThan(0);
          return;
        }
        const before = await counts();
        const preview = await previewSnapshotImport(team.owner, parsed.rows, TODAY);
        expect(await counts()).toEqual(before);
        for (const row of preview.rows.filter((r) => r.status === "error")) {
          expect(row.errors.length).toBeGreaterThan(0);
          for (const e of row.errors) expect(e).toMatch(NAMES_A_FIELD);
        }

        const applied = await applySnapshotImport(team.owner, parsed.rows, TODAY);
        const after = await counts();
        // Each new person+date adds a row; replaced and unchanged ones add none; refused rows write nothing.
        expect(after.snapshots - before.snapshots).toBe(applied.counts.insert);
        if (applied.counts.insert + applied.counts.replace === 0) expect(after.audit).toBe(before.audit);
        for (const row of applied.rows) if (row.status !== "error") expect(row.userId).toBe(ana.id);
      }),
      { numRuns: 50 },
    );

    // Whatever was stored is in range: the database never took a value the schema would refuse.
    const stored = await t.db().select({ total: snapshots.total, brand: snapshots.brand, measuredOn: snapshots.measuredOn }).from(snapshots);
    for (const s of stored) {
      expect(s.total >= 0 && s.total <= 100 && s.brand >= 0 && s.brand <= 25).toBe(true);
      expect(s.measuredOn >= "2014-01-01" && s.measuredOn <= TODAY).toBe(true);
    }
  });
});
