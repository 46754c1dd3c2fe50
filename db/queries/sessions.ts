import { randomUUID } from "node:crypto";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { database } from "../client";
import { sessions } from "../schema";

/*
 * Server-side records of signed-in sessions. The session itself is a JWT cookie (Credentials needs JWT sessions);
 * each token carries the id of its row here (`sid`), and a token counts as signed in only while its row exists.
 * Signing out deletes the row, so a copy of the cookie taken before sign-out is worthless afterwards.
 */

/** Records a new session of this person, valid for `maxAgeSeconds`; returns its id (the token's `sid`). */
export async function startSession(userId: string, maxAgeSeconds: number): Promise<string> {
  const db = await database();
  const id = randomUUID();
  // The person's sessions that ran out are forgotten here, so the table holds only live sessions.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expires, sql`now()`)));
  await db.insert(sessions).values({ sessionToken: id, userId, expires: new Date(Date.now() + maxAgeSeconds * 1000) });
  return id;
}

/** When the session ends, if it is this person's and has not ended (signed out or run out); otherwise null. */
export async function findActiveSession(sessionId: string, userId: string): Promise<Date | null> {
  const db = await database();
  const [row] = await db
    .select({ expires: sessions.expires })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionId), eq(sessions.userId, userId), gt(sessions.expires, sql`now()`)))
    // Prepared (parsed and planned once per connection): every signed-in request makes this read.
    .prepare("find_active_session")
    .execute();
  return row?.expires ?? null;
}

/** Ends one session (sign-out): its token no longer counts as signed in, wherever a copy of it is. */
export async function endSession(sessionId: string): Promise<void> {
  const db = await database();
  await db.delete(sessions).where(eq(sessions.sessionToken, sessionId));
}
