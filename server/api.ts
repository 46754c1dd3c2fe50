// Shared plumbing of the public JSON API (/api/v1): one error shape, bearer-token authentication and the
// per-token rate limit. proxy.ts does not run for /api/, so every handler starts with authenticateRequest().
import { database, isConnectionError, type Db, type Tx } from "@/db/client";
import { noteDatabaseReachable } from "@/lib/database-health";
import { LRUCache } from "lru-cache";
import { authenticateApiRequest, countApiHit, findApiCaller, hashApiToken } from "@/db/queries/api-tokens";
import { findMembershipBySlug } from "@/db/queries/teams";
import { RATE_LIMITS } from "@/lib/rate-limit";
import { BODY_LIMITS, readBodyWithin } from "@/lib/request-body";
import { grantTeamAccess } from "@/lib/team-access";
import { noteRequestUser, runtime } from "@/server/runtime.mjs";

export type ApiErrorCode =
  | "bad_request" | "unauthorized" | "not_found" | "too_large" | "validation_failed" | "rate_limited" | "unavailable";

export const API_RATE_LIMIT = RATE_LIMITS.apiPerToken;

/** `{ error: { code, message, fields? } }` with the given status: the only error shape the API answers with. */
export function apiError(
  status: 400 | 401 | 404 | 413 | 422 | 429 | 503,
  code: ApiErrorCode,
  message: string,
  extra: { fields?: Record<string, string[] | undefined>; headers?: Record<string, string> } = {},
): Response {
  return Response.json(
    { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } },
    { status, headers: { "Cache-Control": "no-store", ...(status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {}), ...extra.headers } },
  );
}

/** 503 in the API's error shape, with a hint when to retry: the database cannot be reached. */
export function unavailableResponse(): Response {
  noteDatabaseReachable(false);
  return apiError(503, "unavailable", "The service is temporarily unavailable. Try again in a minute.", { headers: { "Retry-After": "30" } });
}

/**
 * Wraps a route handler: a database outage anywhere in it (not only at authentication) answers 503 JSON instead
 * of a 500. Every route handler that touches the database is exported through it.
 */
export function answerOutage<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (err) {
      if (isConnectionError(err)) return unavailableResponse();
      throw err;
    }
  };
}

export type ApiCaller = NonNullable<Awaited<ReturnType<typeof authenticateApiRequest>>>["caller"];

const NO_TOKEN = "Send a personal access token: `Authorization: Bearer <token>`. Create one in your account settings.";
const BAD_TOKEN = "This token is not valid or was revoked.";
const bearerOf = (request: Request) => /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];

/** The first database access of every API request: an outage answers 503 in the API's error shape
 * (isConnectionError also recognises database()'s DatabaseUnavailableError by its cause). */
async function firstAccess<T>(run: () => Promise<T>): Promise<T | { response: Response }> {
  try {
    return await run();
  } catch (err) {
    if (isConnectionError(err)) return { response: unavailableResponse() };
    throw err;
  }
}

/** 429 in the API's error shape, with Retry-After. */
export function rateLimitedResponse(retryAfter: number): Response {
  return apiError(429, "rate_limited", `Too many requests: at most ${API_RATE_LIMIT.limit} a minute per token. Try again in ${retryAfter} s.`, {
    headers: { "Retry-After": String(retryAfter) },
  });
}

/** rateLimitedResponse for a request counted over the token's limit, noted in the metrics. */
export function refuseOverLimit(retryAfter: number): Response {
  runtime().metrics.rateLimitRefusals.inc({ policy: "apiPerToken" });
  return rateLimitedResponse(retryAfter);
}

/**
 * The caller behind the request's `Authorization: Bearer <token>`, after counting the request against the
 * token's rate limit; or the 401/429 response to send instead. A bad or revoked token changes nothing.
 */
export async function authenticateRequest(request: Request): Promise<{ caller: ApiCaller } | { response: Response }> {
  const token = bearerOf(request);
  if (!token) return { response: apiError(401, "unauthorized", NO_TOKEN) };
  const found = await firstAccess(() => authenticateApiRequest(token, API_RATE_LIMIT.limit, API_RATE_LIMIT.windowSeconds));
  if (found && "response" in found) return found;
  if (!found) return { response: apiError(401, "unauthorized", BAD_TOKEN) };
  const { caller, rate } = found;
  noteRequestUser(caller.userId); // for the request's log line
  if (!rate.allowed) return { response: refuseOverLimit(rate.retryAfter) };
  return { caller };
}

/**
 * The callers of recent writes, by their token's hash (never the secret itself): a busy script then costs no
 * lookup before its write, whose one statement (writeApiSnapshot) re-checks on the database, on every request,
 * that the token is not revoked and still its person's (an account deleted takes its tokens with it), so a
 * revoked token gets 401 and writes nothing on the very next request, on any instance. What the memo can hold
 * stale, for up to its TTL: the person's time zone (which decides "today": the statement checks that it is
 * unchanged, and the handler then decides again with the caller read afresh), and their name and email (which a
 * write does not use). A request refused before its write (countRefused) re-checks the token too. Only tokens that
 * were found are kept, bounded by count and by age.
 */
const callers = new LRUCache<string, ApiCaller>({ max: 10_000, ttl: 30_000 });

/**
 * For a write: the caller behind the bearer token, read only (nothing counted or committed yet), or the 401
 * response; from the memo above unless `fresh` (`memoised` says which). The request is then counted exactly once:
 * in the write's own statement (writeApiSnapshot) or transaction (admitInside) or, when it is refused before
 * writing, alone (countRefused).
 */
export async function identifyCaller(
  request: Request,
  opts: { fresh?: boolean } = {},
): Promise<{ caller: ApiCaller; memoised: boolean; forget: () => void } | { response: Response }> {
  const token = bearerOf(request);
  if (!token) return { response: apiError(401, "unauthorized", NO_TOKEN) };
  const key = hashApiToken(token);
  const forget = () => void callers.delete(key);
  const memo = opts.fresh ? undefined : callers.get(key);
  const caller = memo ?? (await firstAccess(() => findApiCaller(token)));
  if (caller && "response" in caller) return caller;
  if (!caller) return { response: apiError(401, "unauthorized", BAD_TOKEN) };
  if (!memo) callers.set(key, caller);
  noteRequestUser(caller.userId); // for the request's log line
  return { caller, memoised: memo !== undefined, forget };
}

/** 401 for a token revoked (or its person deleted) after it was identified. */
export const revokedResponse = () => apiError(401, "unauthorized", BAD_TOKEN);

/**
 * An admission check for a write's transaction (upsertSnapshotAdmitted): counts the request; false when it is
 * over the limit or the token was revoked since identifyCaller, with the response to send in `refusal`.
 */
export function admitInside(caller: ApiCaller) {
  const refusal: { response?: Response } = {};
  const admit = async (tx: Db | Tx) => {
    const rate = await countApiHit(tx, caller.tokenId, API_RATE_LIMIT.limit, API_RATE_LIMIT.windowSeconds);
    if (!rate) refusal.response = revokedResponse();
    else if (!rate.allowed) refusal.response = refuseOverLimit(rate.retryAfter);
    return !refusal.response;
  };
  return { admit, refusal };
}

/**
 * Counts a request refused before its write (bad body, unknown team, invalid fields) alone, and answers
 * `response`, or 429 when this request is over the token's limit (as if it had been counted first).
 */
export async function countRefused(caller: ApiCaller, response: Response): Promise<Response> {
  const { admit, refusal } = admitInside(caller);
  return (await admit(await database())) ? response : refusal.response!;
}

/**
 * The JSON body as an object; null when it is not valid JSON or not an object; "too_large" past `limit` bytes
 * (read no further: answer 413). Call it only after authenticateRequest, so a stranger's body is never read.
 */
export async function readJsonObject(request: Request, limit: number = BODY_LIMITS.apiJson): Promise<Record<string, unknown> | null | "too_large"> {
  const bytes = await readBodyWithin(request, limit);
  if (bytes === "too_large") return bytes;
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The caller's access to the team with this slug (role from the database), or null: answer 404 then. */
export async function apiTeamAccess(caller: ApiCaller, slug: string) {
  const membership = await findMembershipBySlug(slug, caller.userId);
  if (!membership) return null;
  return { team: membership.team, access: grantTeamAccess(membership.team.id, caller.userId, membership.role) };
}
