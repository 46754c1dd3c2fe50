import { createHash, randomBytes } from "node:crypto";
import { eq, isNotNull, and } from "drizzle-orm";
import { database } from "../client";
import { teams } from "../schema";
import { writeAudit } from "./audit";
import type { TeamAccess } from "@/lib/team-access";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates (or replaces) the team's secret read-only TV link and returns its token; the old link stops working. */
export async function createTvLink(access: TeamAccess): Promise<string> {
  const db = await database();
  const token = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.update(teams).set({ tvTokenHash: hash(token) }).where(eq(teams.id, access.teamId));
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
    .where(eq(teams.tvTokenHash, hash(token)))
    .limit(1);
  return row ?? null;
}
