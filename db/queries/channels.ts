import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { database, type Db, type Tx } from "../client";
import { channelHighlights, outbox, teamChannels } from "../schema";
import { writeAudit } from "./audit";
import { hasRole, type TeamAccess } from "@/lib/team-access";
import type { ChannelKind } from "@/lib/channels/url";

/** What the settings page may know about a connection: never the URL. */
const statusFields = {
  kind: teamChannels.kind,
  urlHint: teamChannels.urlHint,
  weeklyEnabled: teamChannels.weeklyEnabled,
  highlightsEnabled: teamChannels.highlightsEnabled,
  brokenAt: teamChannels.brokenAt,
  brokenReason: teamChannels.brokenReason,
  createdAt: teamChannels.createdAt,
};
export type ChannelStatus = { [K in keyof typeof statusFields]: (typeof teamChannels.$inferSelect)[K] };

const manager = (access: TeamAccess) => {
  if (!hasRole(access.role, "manager")) throw new Error("channel settings need a manager");
};

/** The team's channel connection without its secret URL, or null when none is connected. Managers only. */
export async function getChannelStatus(access: TeamAccess): Promise<ChannelStatus | null> {
  manager(access);
  const db = await database();
  const [row] = await db.select(statusFields).from(teamChannels).where(eq(teamChannels.teamId, access.teamId));
  return row ?? null;
}

/** Connects (or replaces) the team's channel; a replaced connection's broken flag goes with it. */
export async function connectChannel(access: TeamAccess, input: { url: string; kind: ChannelKind; hint: string }) {
  manager(access);
  const db = await database();
  const values = { kind: input.kind, webhookUrl: input.url, urlHint: input.hint, brokenAt: null, brokenReason: null, connectedBy: access.userId, createdAt: new Date() };
  await db.transaction(async (tx) => {
    await tx
      .insert(teamChannels)
      .values({ teamId: access.teamId, ...values })
      .onConflictDoUpdate({ target: teamChannels.teamId, set: values });
    // The hint only: the URL is a secret and is never written anywhere else.
    await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "channel.connect", details: { kind: input.kind, hint: input.hint } });
  });
}

/** Switches what gets posted. False when no channel is connected. */
export async function updateChannelOptions(access: TeamAccess, opts: { weeklyEnabled: boolean; highlightsEnabled: boolean }) {
  manager(access);
  const db = await database();
  return db.transaction(async (tx) => {
    const rows = await tx.update(teamChannels).set(opts).where(eq(teamChannels.teamId, access.teamId)).returning({ teamId: teamChannels.teamId });
    if (rows.length) await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "channel.update", details: opts });
    return rows.length > 0;
  });
}

/** Removes the connection and its URL; highlights still waiting for a post go with it. */
export async function disconnectChannel(access: TeamAccess) {
  manager(access);
  const db = await database();
  await db.transaction(async (tx) => {
    const rows = await tx.delete(teamChannels).where(eq(teamChannels.teamId, access.teamId)).returning({ kind: teamChannels.kind });
    await tx.delete(channelHighlights).where(and(eq(channelHighlights.teamId, access.teamId), isNull(channelHighlights.postedAt)));
    if (rows.length) await writeAudit(tx, { teamId: access.teamId, actorId: access.userId, action: "channel.disconnect", details: { kind: rows[0]!.kind } });
  });
}

/** The secret URL for the sender (and the test button): only server code that posts calls this. */
export async function getChannelForSending(teamId: string) {
  const db = await database();
  const [row] = await db
    .select({ kind: teamChannels.kind, url: teamChannels.webhookUrl, brokenReason: teamChannels.brokenReason, brokenAt: teamChannels.brokenAt })
    .from(teamChannels)
    .where(eq(teamChannels.teamId, teamId));
  return row ?? null;
}

/** Flags the connection broken (a 4xx refusal), or clears the flag (a test message got through). */
export async function setChannelBroken(teamId: string, reason: string | null, now = new Date()) {
  const db = await database();
  await db
    .update(teamChannels)
    .set(reason ? { brokenAt: now, brokenReason: reason.slice(0, 500) } : { brokenAt: null, brokenReason: null })
    .where(eq(teamChannels.teamId, teamId));
}

/** The team's channel, when it is connected, not broken and wants this kind of post (inside a transaction). */
export async function findPostableChannel(tx: Db | Tx, teamId: string, what: "weekly" | "highlights") {
  const [row] = await tx
    .select({ kind: teamChannels.kind })
    .from(teamChannels)
    .where(and(eq(teamChannels.teamId, teamId), what === "weekly" ? eq(teamChannels.weeklyEnabled, true) : eq(teamChannels.highlightsEnabled, true)));
  return row ?? null;
}

/** The latest channel posts of the team (any status), newest first, with the reason of those that failed. */
export async function listChannelDeliveries(access: TeamAccess, limit = 10) {
  manager(access);
  const db = await database();
  return db
    .select({ id: outbox.id, kind: outbox.kind, channel: outbox.channel, summary: outbox.subject, status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
    .from(outbox)
    .where(and(eq(outbox.teamId, access.teamId), ne(outbox.channel, "email")))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(limit);
}

/** Teams with a channel that wants highlights and has events waiting (the batcher's work list). */
export async function listTeamsWithPendingHighlights(): Promise<string[]> {
  const db = await database();
  const rows = await db
    .selectDistinct({ teamId: channelHighlights.teamId })
    .from(channelHighlights)
    .innerJoin(teamChannels, and(eq(teamChannels.teamId, channelHighlights.teamId), eq(teamChannels.highlightsEnabled, true)))
    .where(isNull(channelHighlights.postedAt));
  return rows.map((r) => r.teamId);
}

