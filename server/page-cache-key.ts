import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot";
import { LRUCache } from "lru-cache";
import { listTeamChallenges } from "@/db/queries/challenges";
import { listPendingReminders } from "@/db/queries/dashboard-reminders";
import { getOnboardingStatus } from "@/db/queries/onboarding";
import { authSecrets, decodeSessionCookie, usesSecureCookies } from "@/lib/auth/session-token";
import { membershipOf, personForSession, type SignedInPerson } from "@/lib/authz";
import { newNonce } from "@/lib/csp";
import { databaseSeenDown } from "@/lib/database-health";
import { todayInZone, weekStartOf } from "@/lib/dates";
import { env } from "@/lib/env";
import { grantTeamAccess, hasRole } from "@/lib/team-access";
import { configurePageCache, type PageKeyRequest } from "@/server/page-cache.mjs";

/**
 * Which requests the rendered-page cache (server/page-cache.mjs) may answer, and under which key: the board
 * `/t/<slug>` and the dashboard `/t/<slug>/dashboard`, as documents (never an RSC or prefetch request). The key is
 * everything those pages' output depends on, read per request the way the pages read it:
 *
 * - the URL as sent (path and query: the page's state and the router's initial URL in its payload come from it);
 * - the team's data version, read from the database with the person on every request (the database raises it in
 *   the transaction of every write a board or a dashboard figure depends on: migration 0005), so a page rendered
 *   before a committed write is never served after it, on any instance;
 * - the team's day (its time zone), and the days in the zones of the team's challenges;
 * - the viewer: the person, their teams and roles as personForSession reads them (the header, the team switcher,
 *   the role's view), other teams' data versions left out (no team page shows another team's data);
 * - what those pages read beyond the data version, by the same query functions: the board's running challenges
 *   (their rows, revisions and the data versions of every team taking part), a manager's onboarding checklist,
 *   and the dashboard's pending reminders;
 * - Next's bot class of the User-Agent (it renders metadata differently for bots) and the build.
 *
 * A page this reads must be listed here: the board (app/(app)/t/[slug]/page.tsx) and the dashboard
 * (app/(app)/t/[slug]/dashboard/page.tsx) say so next to their reads.
 *
 * Null (Next answers as if there were no cache) when the database is known to be down (proxy.ts then answers the
 * outage page), when there is no valid session (signed out, ended, a password change: the page redirects), when
 * the person is not in the team or below the page's role (404), or when any read fails.
 */
export async function pageCacheKey(req: PageKeyRequest): Promise<{ key: string; userId: string } | null> {
  const match = /^\/t\/([a-z0-9-]{1,80})(\/dashboard)?$/.exec(req.path);
  if (!match) return null;
  const [, slug, dashboard] = match as unknown as [string, string, string | undefined];
  if (/(^|&)_rsc=/.test(req.query)) return null;
  if (databaseSeenDown()) return null;

  const session = await decodeSessionCookie(new RequestCookies(new Headers({ cookie: req.cookie ?? "" })).getAll(), {
    secure: usesSecureCookies(process.env, req.forwardedProto),
    secrets: authSecrets(process.env),
  });
  const person = await personForSession(session);
  const membership = membershipOf(person, slug!, dashboard ? "manager" : "member");
  if (!person || !membership) return null;
  const { team, role } = membership;
  const access = grantTeamAccess(team.id, person.user.id, role);
  const today = todayInZone(team.timeZone);

  let reads: unknown;
  if (dashboard) {
    reads = { pendingReminders: [...(await listPendingReminders(access, weekStartOf(today, team.weekStart)))].sort() };
  } else {
    const [challenges, onboarding] = await Promise.all([
      listTeamChallenges(access),
      hasRole(role, "manager") ? getOnboardingStatus(access) : null,
    ]);
    const zones = [...new Set(challenges.flatMap((c) => c.teams.map((t) => t.timeZone)))].sort();
    reads = { challenges, days: zones.map((z) => [z, todayInZone(z)]), onboarding };
  }
  const hash = createHash("sha256");
  for (const part of [
    buildId(),
    getBotType(req.userAgent ?? "") ?? "browser",
    req.path,
    req.query,
    team.id,
    team.dataVersion,
    today,
    viewerPart(person),
    reads,
  ]) {
    hash.update(JSON.stringify(part) ?? "");
    hash.update("\0");
  }
  return { key: hash.digest("base64url"), userId: person.user.id };
}

/** The viewer as the pages show them: the person and every team with its role and settings, but no other version. */
function viewerPart(person: SignedInPerson) {
  return {
    user: person.user,
    teams: person.memberships.map((m) => ({ role: m.role, team: { ...m.team, dataVersion: undefined } })),
  };
}

let build: string | undefined;
function buildId(): string {
  try {
    build ??= fs.readFileSync(path.resolve(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    build = "";
  }
  return build;
}

/** server-start: hands the preload's page cache its key function, the nonce maker and its bound (PAGE_CACHE_MAX_MB). */
export function registerPageCache(): void {
  const maxBytes = env().PAGE_CACHE_MAX_MB * 1024 * 1024;
  if (maxBytes === 0) return;
  configurePageCache({
    keyFor: pageCacheKey,
    newNonce,
    store: new LRUCache<string, { size: number }>({ maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, entry.size) }),
    maxEntryBytes: Math.floor(maxBytes / 4),
  });
}
