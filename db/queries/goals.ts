import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import { database } from "../client";
import { goals, snapshots } from "../schema";
import { ssiColumns } from "./snapshot-fields";
import type { GoalInput } from "@/lib/validation/goal";

/** The person's goal, or null. */
export async function getGoal(userId: string) {
  const db = await database();
  const [row] = await db.select().from(goals).where(eq(goals.userId, userId));
  return row ?? null;
}

/** Sets (or replaces) the person's one goal; a replaced goal starts counting progress again from now. */
export async function setGoal(userId: string, input: GoalInput) {
  const db = await database();
  const values = {
    targetTotal: input.targetTotal,
    targetBrand: input.targetBrand ?? null,
    targetPeople: input.targetPeople ?? null,
    targetInsights: input.targetInsights ?? null,
    targetRelationships: input.targetRelationships ?? null,
    targetDate: input.targetDate,
  };
  await db
    .insert(goals)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: goals.userId, set: { ...values, createdAt: new Date() } });
}

/** Removes the person's goal. */
export async function clearGoal(userId: string) {
  const db = await database();
  await db.delete(goals).where(eq(goals.userId, userId));
}

// Charts, streaks and trends draw no averages.
const { industryAvg: _industryAvg, networkAvg: _networkAvg, ...historyColumns } = ssiColumns;

/** The person's scores from `since` on, oldest first, for charts, streaks and trends. */
export async function listHistory(userId: string, since: string) {
  const db = await database();
  return db
    .select(historyColumns)
    .from(snapshots)
    .where(and(eq(snapshots.userId, userId), gte(snapshots.measuredOn, since)))
    .orderBy(asc(snapshots.measuredOn));
}
export type HistoryPoint = Awaited<ReturnType<typeof listHistory>>[number];

/** The person's latest score at or before a date (for "at the start of the goal", "a month ago"), or null. */
export async function getScoreAtOrBefore(userId: string, date: string) {
  const db = await database();
  const [row] = await db
    .select({ measuredOn: snapshots.measuredOn, total: snapshots.total, brand: snapshots.brand, people: snapshots.people, insights: snapshots.insights, relationships: snapshots.relationships })
    .from(snapshots)
    .where(and(eq(snapshots.userId, userId), lte(snapshots.measuredOn, date)))
    .orderBy(desc(snapshots.measuredOn))
    .limit(1);
  return row ?? null;
}

/** The person's best total ever, with its date, or null. */
export async function getPersonalBest(userId: string) {
  const db = await database();
  const [row] = await db
    .select({ measuredOn: snapshots.measuredOn, total: snapshots.total })
    .from(snapshots)
    .where(eq(snapshots.userId, userId))
    .orderBy(desc(snapshots.total), asc(snapshots.measuredOn))
    .limit(1);
  return row ?? null;
}
