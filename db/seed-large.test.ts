import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { setupTestDatabase } from "./testing/test-db";
import { queryRows } from "./client";
import { BENCH_PASSWORD, OWNER_EMAIL, seedLarge } from "./seed-large";
import { getTeamLeaderboard } from "./queries/leaderboard";
import { findMembershipBySlug } from "./queries/teams";
import { getUserCredentials } from "./queries/users";
import { todayInZone } from "@/lib/dates";
import { verifyPassword } from "@/lib/password";
import { grantTeamAccess } from "@/lib/team-access";

const t = setupTestDatabase();

describe(`large seed on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("builds the promised organisation: bench-50, an owner who signs in, valid snapshots, a ranked board", async () => {
    const r = await seedLarge({ db: t.db(), people: 120, teams: 6, days: 60 });
    expect(r.teams.map((x) => x.slug)).toContain("bench-50");
    expect(r.teams.map((x) => x.slug)).not.toContain("bench-1000"); // 120 people are too few for it

    const counts = await queryRows<{ slug: string; members: number; leaders: number }>(t.db(), sql`
      select t.slug, count(*)::int as members, count(*) filter (where m.role in ('owner', 'manager'))::int as leaders
      from teams t join memberships m on m.team_id = t.id group by t.slug`);
    expect(counts).toHaveLength(6);
    expect(counts.find((c) => c.slug === "bench-50")?.members).toBe(50);
    expect(counts.every((c) => c.leaders >= 1)).toBe(true);
    // Every person-<n> is in exactly one team; the owner is in bench-50 as well.
    expect(counts.reduce((s, c) => s + c.members, 0)).toBe(120 + 1);
    const [users] = await queryRows<{ n: number; one_hash: number }>(t.db(), sql`
      select count(*)::int as n, count(distinct password_hash)::int as one_hash from users where email like 'person-%@org.test'`);
    expect(users).toEqual({ n: 120, one_hash: 1 });

    const owner = await getUserCredentials(OWNER_EMAIL);
    expect(await verifyPassword(BENCH_PASSWORD, owner?.passwordHash)).toBe(true);
    const person = await getUserCredentials("person-120@org.test");
    expect(await verifyPassword(BENCH_PASSWORD, person?.passwordHash)).toBe(true);
    const membership = await findMembershipBySlug("bench-50", owner!.id);
    expect(membership?.role).toBe("owner");

    const [shape] = await queryRows<{ rows: number; bad: number; first: string; last: string; owner_rows: number; never: number; stale: number }>(t.db(), sql`
      select (select count(*)::int from snapshots) as rows,
             (select count(*)::int from snapshots where abs(total - (brand + people + insights + relationships)) > 0.5
                or least(brand, people, insights, relationships) < 0 or greatest(brand, people, insights, relationships) > 25
                or total <> round(total, 2) or brand <> round(brand, 2)) as bad,
             (select min(measured_on)::text from snapshots) as first, (select max(measured_on)::text from snapshots) as last,
             (select count(*)::int from snapshots s join users u on u.id = s.user_id where u.email = ${OWNER_EMAIL}) as owner_rows,
             (select count(*)::int from users u where not exists (select 1 from snapshots s where s.user_id = u.id)) as never,
             (select count(*)::int from (select max(measured_on) as m from snapshots group by user_id) x
                where m < ${r.lastDate}::date - 14) as stale`);
    expect(shape!.rows).toBe(r.rows);
    expect(shape!.rows).toBeGreaterThan(121 * 60 * 0.6);
    expect(shape!.bad).toBe(0);
    expect(shape!.first).toBe(r.firstDate);
    expect(shape!.last).toBe(r.lastDate);
    expect(shape!.owner_rows).toBeGreaterThan(50);
    expect(shape!.never + shape!.stale).toBeGreaterThan(0);
    const zones = await queryRows<{ time_zone: string }>(t.db(), sql`select distinct time_zone from teams`);
    for (const z of zones) expect(r.lastDate <= todayInZone(z.time_zone)).toBe(true); // never in the future

    const board = await getTeamLeaderboard(grantTeamAccess(membership!.team.id, owner!.id, "owner"), { asOf: r.lastDate, by: "total", staleDays: 14 });
    expect(board.memberCount).toBe(50);
    expect(board.rankedCount).toBeGreaterThan(30);
    const ranked = board.entries.filter((e) => e.status === "ranked");
    expect(ranked[0]!.rank).toBe(1);
    expect(ranked.map((e) => e.total)).toEqual([...ranked.map((e) => e.total!)].sort((a, b) => b - a));
  });

  it("refuses a database with users unless told to reset, and then replaces everything", async () => {
    await expect(seedLarge({ db: t.db(), people: 60, teams: 3, days: 10 })).rejects.toThrow(/already has 121 users.*--reset/);
    const r = await seedLarge({ db: t.db(), people: 60, teams: 3, days: 10, reset: true });
    const [n] = await queryRows<{ users: number; teams: number; rows: number }>(t.db(), sql`
      select (select count(*)::int from users) as users, (select count(*)::int from teams) as teams, (select count(*)::int from snapshots) as rows`);
    expect(n).toEqual({ users: 61, teams: 3, rows: r.rows });
  });
});
