import { randomBytes } from "node:crypto";
import { eq, isNotNull, and } from "drizzle-orm";
import { database } from "../client";
import { teams } from "../schema";
import { writeAudit } from "./audit";
import { getCurrentChallengeStandings } from "./challenge-standings";
import { listTeamChallenges } from "./challenges";
import { getTeamLeaderboard } from "./leaderboard";
import { challengeCard } from "@/lib/challenges/cards";
import { challengePhase } from "@/lib/challenges/rules";
import { addDays, todayInZone } from "@/lib/dates";
import type { TeamAccess } from "@/lib/team-access";
import { sha256Hex } from "@/lib/hash";


/** Creates (or replaces) the team's secret read-only TV link and returns its token; the old link stops working. */
export async function createTvLink(access: TeamAccess): Promise<string> {
  const db = await database();
  const token = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.update(teams).set({ tvTokenHash: sha256Hex(token) }).where(eq(teams.id, access.teamId));
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "tv.link_create" });
  });
  return token;
}

/** Revokes the TV link. */
export async function revokeTvLink(access: TeamAccess) {
  const db = await database();
  await db.transaction(async (tx) => {
    await tx.update(teams).set({ tvTokenHash: null }).where(eq(teams.id, access.teamId));
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "tv.link_revoke" });
  });
}

/** Whether the team currently has a TV link (the link itself can only be shown when created). */
export async function hasTvLink(access: TeamAccess): Promise<boolean> {
  const db = await database();
  const rows = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, access.teamId), isNotNull(teams.tvTokenHash)));
  return rows.length > 0;
}

/** The team a TV link opens, or null for an unknown or revoked token. */
export async function findTeamByTvToken(token: string) {
  const db = await database();
  const [row] = await db
    .select({ id: teams.id, name: teams.name, slug: teams.slug, timeZone: teams.timeZone, staleDays: teams.staleDays, dataVersion: teams.dataVersion })
    .from(teams)
    .where(eq(teams.tvTokenHash, sha256Hex(token)))
    .limit(1);
  return row ?? null;
}

/** Today's board and yesterday's, for the TV screen's movement since yesterday. */
export async function loadTvBoards(access: TeamAccess, team: { timeZone: string; staleDays: number; dataVersion: number }) {
  const today = todayInZone(team.timeZone);
  const [now, before] = await Promise.all([
    getTeamLeaderboard(access, { asOf: today, by: "total", staleDays: team.staleDays, version: team.dataVersion }),
    getTeamLeaderboard(access, { asOf: addDays(today, -1), by: "total", staleDays: team.staleDays, version: team.dataVersion }),
  ]);
  const renderedAt = new Intl.DateTimeFormat("en-GB", { timeZone: team.timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date());
  return { now, before, renderedAt };
}

/** The running challenges with their standings, for the TV screen's rotation (ending soonest first). */
export async function loadTvChallenges(access: TeamAccess) {
  const running = (await listTeamChallenges(access)).filter((c) => challengePhase(c, todayInZone(c.teams[0]!.timeZone)) === "running").reverse();
  return Promise.all(
    running.map(async (c) => {
      const standings = await getCurrentChallengeStandings(access, c);
      return { card: challengeCard(c, standings, todayInZone(c.teams[0]!.timeZone)), standings, kind: c.kind, metric: c.metric };
    }),
  );
}
