// Data for the load benchmark (scripts/bench.ts) only, kept beside it: throwaway API writers, and the counts that prove that
// every write the server acknowledged is in the database. Nothing in the app imports this.
import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { database } from "../db/client";
import { apiTokens, memberships, rateLimits, snapshots, teams, users } from "../db/schema";
import { hashApiToken, TOKEN_PREFIX } from "../db/queries/api-tokens";

export type BenchWriter = { userId: string; tokenId: string; token: string };

const writerEmail = (i: number) => `bench-writer-${i}@bench.test`;

/**
 * `count` people in no team (`bench-writer-<i>@bench.test`, created on first use and kept, because deleting a
 * person scans the snapshots table for rows they entered), without snapshots, each with a fresh API token: the
 * write benchmark submits (person, date) pairs no row holds yet, and no token nears the per-token rate limit.
 */
export async function prepareBenchWriters(count: number): Promise<BenchWriter[]> {
  const db = await database();
  const writers: BenchWriter[] = [];
  for (let start = 0; start < count; start += 1000) {
    const emails = Array.from({ length: Math.min(1000, count - start) }, (_, k) => writerEmail(start + k));
    await db
      .insert(users)
      .values(emails.map((email, k) => ({ name: `Bench writer ${start + k}`, email })))
      .onConflictDoNothing({ target: users.email });
    const people = await db.select({ id: users.id }).from(users).where(inArray(users.email, emails));
    const ids = people.map((p) => p.id);
    await db.transaction(async (tx) => {
      await tx.delete(snapshots).where(inArray(snapshots.userId, ids));
      await tx.delete(apiTokens).where(inArray(apiTokens.userId, ids));
    });
    const secrets = ids.map(() => TOKEN_PREFIX + randomBytes(24).toString("base64url"));
    const tokens = await db
      .insert(apiTokens)
      .values(ids.map((userId, k) => ({ userId, name: "npm run bench", tokenHash: hashApiToken(secrets[k]!) })))
      .returning({ id: apiTokens.id, userId: apiTokens.userId });
    const secretOf = new Map(ids.map((id, k) => [id, secrets[k]!]));
    writers.push(...tokens.map((t) => ({ userId: t.userId, tokenId: t.id, token: secretOf.get(t.userId)! })));
  }
  return writers;
}

/** How many snapshots these people have. */
export async function countSnapshotsOf(userIds: string[]): Promise<number> {
  const db = await database();
  let total = 0;
  for (let i = 0; i < userIds.length; i += 1000) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(snapshots)
      .where(inArray(snapshots.userId, userIds.slice(i, i + 1000)));
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** How many of these (person, date) pairs have a stored snapshot. */
export async function countStoredPairs(pairs: { userId: string; measuredOn: string }[]): Promise<number> {
  const db = await database();
  let total = 0;
  // 100 pairs a statement: on PGlite (0.5.16) a row-constructor IN list of a few hundred pairs matched nothing
  // (counted 0 of 286 stored pairs in the small bench, while each slice of 100 counted all of its own).
  for (let i = 0; i < pairs.length; i += 100) {
    const list = sql.join(
      pairs.slice(i, i + 100).map((p) => sql`(${p.userId}, ${p.measuredOn}::date)`),
      sql`, `,
    );
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(snapshots)
      .where(sql`(${snapshots.userId}, ${snapshots.measuredOn}) in (${list})`);
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** Removes what a run wrote: the writers' snapshots, their tokens and the tokens' rate-limit counters. */
export async function clearBenchWriters(writers: BenchWriter[]): Promise<void> {
  const db = await database();
  for (let i = 0; i < writers.length; i += 1000) {
    const chunk = writers.slice(i, i + 1000);
    await db.transaction(async (tx) => {
      // The API's counter key is "<policy>:<token id>"; match on the id so a renamed policy still matches.
      await tx.delete(rateLimits).where(inArray(sql`split_part(${rateLimits.key}, ':', 2)`, chunk.map((w) => w.tokenId)));
      await tx.delete(snapshots).where(inArray(snapshots.userId, chunk.map((w) => w.userId)));
      await tx.delete(apiTokens).where(inArray(apiTokens.id, chunk.map((w) => w.tokenId)));
    });
  }
}

/** Members of the team with this slug, or null when there is no such team (the data set is not seeded). */
export async function countTeamMembersBySlug(slug: string): Promise<number | null> {
  const db = await database();
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug));
  if (!team) return null;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(eq(memberships.teamId, team.id));
  return Number(row?.n ?? 0);
}

/** Rows in the snapshots table (an estimate from the planner's statistics on a large table: exact is slow). */
export async function estimateSnapshotRows(): Promise<number> {
  const db = await database();
  const [row] = await db.select({ n: sql<number>`greatest(reltuples, 0)::float8` }).from(sql`pg_class`).where(sql`relname = 'snapshots'`);
  return Math.round(Number(row?.n ?? 0));
}

/**
 * Raises the team's data version as a committed write would, so that its next page is computed afresh (the
 * uncached-dashboard figure of npm run bench): nothing else changes.
 */
export async function bumpTeamDataVersion(slug: string): Promise<void> {
  const db = await database();
  await db.update(teams).set({ dataVersion: sql`${teams.dataVersion} + 1` }).where(eq(teams.slug, slug));
}
