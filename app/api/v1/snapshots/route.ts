import { z } from "zod";
import { writeApiSnapshot } from "@/db/queries/api-snapshot-write";
import { listSnapshotsForUser, upsertSnapshotAdmitted, type SavedSnapshot } from "@/db/queries/snapshots";
import { findMembershipBySlug } from "@/db/queries/teams";
import {
  API_RATE_LIMIT, admitInside, answerOutage, apiError, authenticateRequest, countRefused, identifyCaller, readJsonObject, refuseOverLimit, revokedResponse,
  type ApiCaller,
} from "@/server/api";
import { BODY_LIMITS, tooLargeMessage } from "@/lib/request-body";
import { todayInZone } from "@/lib/dates";
import { snapshotJson } from "@/lib/snapshot-api";
import { SNAPSHOT_MESSAGES, snapshotInputSchema } from "@/lib/validation/snapshot";

export const dynamic = "force-dynamic";

/**
 * Records (or replaces) the caller's snapshot: the same validation and messages as the form. A new date is one
 * statement and one commit (writeApiSnapshot: the token re-checked, the request counted against the token's rate
 * limit, a 429 decided there before the row, then the row), after a caller lookup that a token used in the last
 * 30 s finds in identifyCaller's memo. A replacement takes a second statement (the row, its previous total and
 * its audit): two commits, the first holding only the count. A person in a team whose channel takes highlights
 * takes the transaction of the form's write instead (upsertSnapshotAdmitted: the statement counts nothing, the
 * transaction counts the request; one commit). A request refused before its write (bad body, unknown team,
 * invalid fields) commits its count alone, and is answered 429 instead when it is over the limit, as when the
 * count came first.
 */
export const POST = answerOutage(async function POST(request: Request) {
  const auth = await identifyCaller(request);
  if ("response" in auth) return auth.response;
  const body = await readJsonObject(request);
  const answer = await record(auth.caller, body, auth);
  if (answer !== "decide_again") return answer;
  // The memoised caller's time zone decided "today" and may have changed: once more with the caller read afresh.
  const fresh = await identifyCaller(request, { fresh: true });
  if ("response" in fresh) return fresh.response;
  return (await record(fresh.caller, body, fresh)) as Response;
});

async function record(
  caller: ApiCaller,
  body: Awaited<ReturnType<typeof readJsonObject>>,
  memo: { memoised: boolean; forget: () => void },
): Promise<Response | "decide_again"> {
  const refuse = (response: Response) => countRefused(caller, response);
  if (body === "too_large") {
    return refuse(apiError(413, "too_large", tooLargeMessage(BODY_LIMITS.apiJson), { headers: { Connection: "close" } }));
  }
  if (!body) return refuse(apiError(400, "bad_request", "The body must be a JSON object, e.g. {\"brand\": 18.5, \"people\": 16, \"insights\": 14.8, \"relationships\": 21.4}."));

  // "Today" (the default date and the future-date limit) is in the team's time zone when a team is named.
  let timeZone = caller.timeZone ?? "UTC";
  let teamId: string | null = null;
  if (body.team !== undefined) {
    if (typeof body.team !== "string") return refuse(apiError(422, "validation_failed", "Please correct the listed fields. Nothing was saved.", { fields: { team: ["team must be a team's slug."] } }));
    const membership = await findMembershipBySlug(body.team, caller.userId);
    if (!membership) return refuse(apiError(404, "not_found", "You are not a member of a team with that slug."));
    timeZone = membership.team.timeZone;
    teamId = membership.team.id;
  }
  // With the caller from the memo and "today" in the caller's own zone, the statement checks that zone is still
  // theirs (and a refusal is decided again with the caller read afresh, so it is never the old zone's).
  const zoneFromMemo = memo.memoised && teamId === null;
  const today = todayInZone(timeZone);
  const { team: _team, ...fields } = body;
  const parsed = snapshotInputSchema(today).safeParse({ measuredOn: today, ...fields });
  if (!parsed.success) {
    if (zoneFromMemo) return "decide_again";
    return refuse(apiError(422, "validation_failed", "Please correct the listed fields. Nothing was saved.", { fields: z.flattenError(parsed.error).fieldErrors }));
  }
  const limits = { teamId, limit: API_RATE_LIMIT.limit, windowSeconds: API_RATE_LIMIT.windowSeconds };
  const outcome = await writeApiSnapshot({ tokenId: caller.tokenId, userId: caller.userId, expectZone: zoneFromMemo ? caller.timeZone : undefined }, parsed.data, limits);
  switch (outcome.kind) {
    case "revoked":
      memo.forget();
      return revokedResponse();
    case "zone_changed":
      memo.forget();
      return "decide_again";
    case "rate_limited":
      return refuseOverLimit(outcome.retryAfter);
    case "written":
      return written(outcome);
  }
  // The transaction of the form's write; "raced" (a row found taken, then gone) was counted by the statement already.
  const { admit, refusal } = outcome.kind === "raced" ? { admit: async () => true, refusal: {} as { response?: Response } } : admitInside(caller);
  const done = await upsertSnapshotAdmitted(caller.userId, parsed.data, { actorId: caller.userId, teamId, source: "api" }, admit);
  if (!done) return refusal.response!;
  return written(done);
}

// The stored row comes back from the write itself (RETURNING): no second read.
const written = (w: { replaced: boolean; saved: SavedSnapshot }) =>
  Response.json({ snapshot: snapshotJson(w.saved), replaced: w.replaced }, { status: w.replaced ? 200 : 201 });

// Built once (zod compiles a schema on its first use; per request that was a measurable part of an API call).
const listQuery = z.object({
  limit: z.coerce.number().int("limit must be a whole number.").min(1, "limit must be 1 to 1000.").max(1000, "limit must be 1 to 1000.").default(100),
  // PostgreSQL has no year 0: "0000-01-01" is well-formed but not a date it can compare with.
  since: z.iso.date(SNAPSHOT_MESSAGES.dateFormat).refine((d) => d >= "0001-01-01", SNAPSHOT_MESSAGES.dateFormat).optional(),
});

/** The caller's snapshots, newest first (`?limit=` up to 1000, default 100; `?since=YYYY-MM-DD`). */
export const GET = answerOutage(async function GET(request: Request) {
  const auth = await authenticateRequest(request);
  if ("response" in auth) return auth.response;
  const url = new URL(request.url);
  const query = listQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return apiError(400, "bad_request", "Invalid query parameters.", { fields: z.flattenError(query.error).fieldErrors });
  const rows = await listSnapshotsForUser(auth.caller.userId, query.data);
  return Response.json({ snapshots: rows.map(snapshotJson) }, { headers: { "Cache-Control": "no-store" } });
});
