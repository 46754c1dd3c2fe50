// The authorization matrix for pages and route handlers: every page.tsx and route.ts under app/ is requested by
// five callers (owner, manager, member of the team, a signed-in outsider, a signed-out visitor) without
// following redirects, and the answer is checked: the page with something only it shows, the designed 404
// (without the team's name in it), a redirect to sign-in that comes back here, or the API's status. The route
// list comes from the app/ tree: a route without an entry here, or an entry without a route, fails the test.
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse, Browser } from "@playwright/test";
import type { Person } from "./factories";
import { expect, test, type PersonPool } from "./fixtures";
import { ChallengePages } from "./pages/challenges";
import { TeamPages } from "./pages/team";

const CALLERS = ["owner", "manager", "member", "outsider", "anonymous"] as const;
type Caller = (typeof CALLERS)[number];
type SignedIn = Exclude<Caller, "anonymous">;

/** An HTTP status (or several accepted ones), a redirect to sign-in, or a redirect elsewhere (a path). */
type Want = number | number[] | "signin" | { redirect: string };
type Ids = {
  slug: string;
  teamName: string;
  people: Record<SignedIn, Person & { id: string; apiToken: string }>;
  inviteToken: string;
  tvToken: string;
  unsubscribeToken: string;
  challengeId: string;
  challengeName: string;
};
type Probe = {
  label?: string;
  method?: "GET" | "POST";
  url: (ids: Ids) => string;
  /** Send the caller's API token (route handlers of /api/v1); "cookie-only" sends the session but no token. */
  auth?: "token" | "cookie-only";
  body?: (ids: Ids) => unknown;
  want: Record<Caller, Want>;
  /** Text the answer must contain when it succeeds, so an error page answering 200 does not pass. */
  see?: (ids: Ids, caller: Caller) => (string | RegExp)[];
  /** Where sign-in sends the visitor back to; the requested path unless said otherwise. */
  callback?: (ids: Ids) => string;
};

const ALL = (w: Want) => Object.fromEntries(CALLERS.map((c) => [c, w])) as Record<Caller, Want>;
const SIGNED_IN = { ...ALL(200), anonymous: "signin" } as const;
const TEAM = { owner: 200, manager: 200, member: 200, outsider: 404, anonymous: "signin" } as const;
const MANAGERS = { ...TEAM, member: 404 } as const;
const TO_TEAMS = { ...ALL({ redirect: "/teams" }), anonymous: 200 } as const;
const API_TEAM = { owner: 200, manager: 200, member: 200, outsider: 404, anonymous: 401 } as const;
const h1 = (text: string) => new RegExp(`<h1[^>]*>${text}</h1>`);
const person = (ids: Ids, c: Caller) => ids.people[c === "anonymous" ? "member" : c];

/** Keyed by route pattern: the path under app/ without route groups, with [params] kept. */
const MATRIX: Record<string, Probe[]> = {
  "/": [{ url: () => "/", want: TO_TEAMS, see: () => ["Social Selling Index, ranked."] }],
  "/sign-in": [{ url: () => "/sign-in", want: TO_TEAMS, see: () => [h1("Sign in")] }],
  "/sign-up": [{ url: () => "/sign-up", want: TO_TEAMS, see: () => [h1("Create your account")] }],
  "/account": [{ url: () => "/account", want: SIGNED_IN, see: (ids, c) => [h1("Account settings"), person(ids, c).email] }],
  "/account/notifications": [{ url: () => "/account/notifications", want: SIGNED_IN, see: () => [h1("Email preferences")] }],
  // Only the account a confirmation link was sent for can use it (app/authz-actions.test.ts covers the action).
  "/account/confirm-email/[token]": [
    { label: "a made-up token", url: () => "/account/confirm-email/not-a-real-token", want: SIGNED_IN, see: () => ["This confirmation link is not valid"] },
  ],
  "/account/export": [{ url: () => "/account/export", want: SIGNED_IN, see: (ids, c) => [person(ids, c).email] }],
  "/account/export.csv": [{ url: () => "/account/export.csv", want: SIGNED_IN, see: () => ["email,name,measured_on"] }],
  "/mail": [{ url: () => "/mail", want: SIGNED_IN, see: () => [h1("Mail")] }],
  "/me": [{ url: () => "/me", want: SIGNED_IN, see: () => [h1("My SSI")] }],
  "/new-team": [{ url: () => "/new-team", want: SIGNED_IN, see: () => [h1("Create a team")] }],
  "/teams": [{
    url: () => "/teams",
    want: SIGNED_IN,
    see: (ids, c) => [c === "outsider" ? "not in a team yet" : ids.teamName],
  }],
  "/teams/overview": [{
    url: () => "/teams/overview",
    want: { ...MANAGERS },
    see: (ids) => [h1("Teams overview"), ids.teamName],
  }],
  "/t/[slug]": [{ url: (ids) => `/t/${ids.slug}`, want: TEAM, see: (ids) => [ids.teamName, ids.people.member.name] }],
  "/t/[slug]/dashboard": [{ url: (ids) => `/t/${ids.slug}/dashboard`, want: MANAGERS, see: (ids) => [h1("Dashboard"), ids.teamName] }],
  "/t/[slug]/digest": [{ url: (ids) => `/t/${ids.slug}/digest`, want: MANAGERS, see: (ids) => [h1("Digest preview"), ids.teamName] }],
  "/t/[slug]/import": [{ url: (ids) => `/t/${ids.slug}/import`, want: MANAGERS, see: (ids) => [h1("Import scores"), ids.teamName] }],
  "/t/[slug]/members": [{ url: (ids) => `/t/${ids.slug}/members`, want: MANAGERS, see: (ids) => [h1("Members"), ids.people.member.email] }],
  "/t/[slug]/members/[userId]": [
    { label: "a member", url: (ids) => `/t/${ids.slug}/members/${ids.people.member.id}`, want: MANAGERS, see: (ids) => [h1(ids.people.member.name)] },
    { label: "someone outside the team", url: (ids) => `/t/${ids.slug}/members/${ids.people.outsider.id}`, want: { ...ALL(404), anonymous: "signin" } },
  ],
  "/t/[slug]/scores": [{ url: (ids) => `/t/${ids.slug}/scores`, want: TEAM, see: (ids) => [h1("My scores"), ids.teamName] }],
  // Managers and owners only, as docs/SECURITY.md says: a member gets the outsider's 404 (they leave from My scores).
  "/t/[slug]/settings": [{ url: (ids) => `/t/${ids.slug}/settings`, want: MANAGERS, see: (ids) => [h1("Team settings"), ids.teamName] }],
  // The team's Slack / Teams channel: managers only (it holds a secret webhook URL).
  "/t/[slug]/settings/channel": [{ url: (ids) => `/t/${ids.slug}/settings/channel`, want: MANAGERS, see: () => [h1("Team channel")] }],
  "/t/[slug]/submit": [
    { url: (ids) => `/t/${ids.slug}/submit`, want: TEAM, see: (ids) => [h1("(Record|Edit) your SSI"), ids.teamName] },
    {
      // Managers enter a member's score; the member asking for their own id gets their own form.
      label: "for a member",
      url: (ids) => `/t/${ids.slug}/submit?for=${ids.people.member.id}`,
      want: TEAM,
      see: (ids, c) => [c === "member" ? h1("(Record|Edit) your SSI") : h1(`Enter a score for ${ids.people.member.name}`)],
    },
    { label: "for someone outside the team", url: (ids) => `/t/${ids.slug}/submit?for=${ids.people.outsider.id}`, want: { ...ALL(404), anonymous: "signin" } },
  ],
  "/t/[slug]/challenges": [{ url: (ids) => `/t/${ids.slug}/challenges`, want: TEAM, see: (ids) => [h1("Challenges"), ids.challengeName] }],
  "/t/[slug]/challenges/new": [{ url: (ids) => `/t/${ids.slug}/challenges/new`, want: MANAGERS, see: () => [h1("New challenge")] }],
  "/t/[slug]/challenges/[id]": [
    { url: (ids) => `/t/${ids.slug}/challenges/${ids.challengeId}`, want: TEAM, see: (ids) => [h1(ids.challengeName), "The rules"] },
    { label: "a made-up id", url: (ids) => `/t/${ids.slug}/challenges/not-a-real-id`, want: { ...ALL(404), anonymous: "signin" } },
  ],
  "/t/[slug]/challenges/[id]/edit": [
    { url: (ids) => `/t/${ids.slug}/challenges/${ids.challengeId}/edit`, want: MANAGERS, see: (ids) => [h1("Edit challenge"), ids.challengeName] },
  ],
  "/t/[slug]/export": [{ url: (ids) => `/t/${ids.slug}/export`, want: MANAGERS, see: () => ["email,name,measured_on"] }],
  "/tv/team/[slug]": [{
    url: (ids) => `/tv/team/${ids.slug}`,
    want: MANAGERS,
    see: (ids) => [ids.teamName],
  }],
  "/tv/[token]": [
    { label: "the secret link", url: (ids) => `/tv/${ids.tvToken}`, want: ALL(200), see: (ids) => [ids.teamName] },
    { label: "a made-up token", url: () => "/tv/not-a-real-token", want: ALL(404) },
  ],
  "/invite/[token]": [
    {
      // The team's own people are told they are in it already; everyone else is asked to join.
      label: "a join link",
      url: (ids) => `/invite/${ids.inviteToken}`,
      want: ALL(200),
      see: (ids, c) => [c === "outsider" || c === "anonymous" ? `Join ${ids.teamName}` : `You are already ${c === "owner" ? "the owner" : `a ${c}`} of this team.`],
    },
    { label: "a made-up token", url: () => "/invite/not-a-real-token", want: ALL(200), see: () => ["This invitation link is not valid"] },
  ],
  "/unsubscribe": [
    { label: "a signed link", url: (ids) => `/unsubscribe?token=${ids.unsubscribeToken}`, want: ALL(200), see: () => ["Unsubscribe from"] },
    { label: "a forged link", url: () => "/unsubscribe?token=digest.nobody.forged", want: ALL(200), see: () => ["This unsubscribe link is not valid"] },
  ],
  "/api/auth/[...nextauth]": [{
    url: () => "/api/auth/session",
    want: ALL(200),
    see: (ids, c) => [c === "anonymous" ? /^null$/ : `"id":"${ids.people[c].id}"`],
  }],
  "/api/health": [{ url: () => "/api/health", want: ALL(200), see: () => ['"status":"ok"'] }],
  // Without METRICS_TOKEN (as here) the route does not exist for anyone, signed in or not; with one, only its
  // bearer gets the figures (tests/production/observability.test.ts).
  "/api/metrics": [{ url: () => "/api/metrics", want: ALL(404) }],
  // No session is a cron credential: 503 while CRON_SECRET is unset (as here), 401 without the secret otherwise.
  "/api/cron/digest": [
    { method: "POST", url: () => "/api/cron/digest", want: ALL([401, 503]) },
    { label: "GET", url: () => "/api/cron/digest", want: ALL(405) },
  ],
  "/api/unsubscribe": [
    { method: "POST", label: "a signed link", url: (ids) => `/api/unsubscribe?token=${ids.unsubscribeToken}`, want: ALL(200), see: () => ['"list":"digest"'] },
    { method: "POST", label: "a forged link", url: () => "/api/unsubscribe?token=digest.nobody.forged", want: ALL(400) },
    { label: "GET", url: (ids) => `/api/unsubscribe?token=${ids.unsubscribeToken}`, want: ALL({ redirect: "/unsubscribe" }) },
  ],
  "/api/v1/openapi.json": [{ url: () => "/api/v1/openapi.json", want: ALL(200), see: () => ["SSI Leaderboard API"] }],
  "/api/v1/snapshots": [
    { auth: "token", url: () => "/api/v1/snapshots", want: { ...ALL(200), anonymous: 401 }, see: () => ['"snapshots"'] },
    {
      auth: "token",
      method: "POST",
      label: "for the team",
      url: () => "/api/v1/snapshots",
      body: (ids) => ({ team: ids.slug, brand: 10, people: 11, insights: 12, relationships: 13 }),
      want: { ...API_TEAM, owner: [200, 201], manager: [200, 201], member: [200, 201] },
      see: () => ['"total":46'],
    },
    { auth: "cookie-only", label: "session without a token", url: () => "/api/v1/snapshots", want: ALL(401) },
  ],
  "/api/v1/teams/[slug]/leaderboard": [
    { auth: "token", url: (ids) => `/api/v1/teams/${ids.slug}/leaderboard`, want: API_TEAM, see: (ids) => [ids.teamName] },
    { auth: "cookie-only", label: "session without a token", url: (ids) => `/api/v1/teams/${ids.slug}/leaderboard`, want: ALL(401) },
  ],
  // Load-benchmark pages: static and dynamic, no data, public.
  "/bench/static": [{ url: () => "/bench/static", want: ALL(200), see: () => ["Prerendered at build time."] }],
  "/bench/dynamic": [{ url: () => "/bench/dynamic", want: ALL(200), see: () => ["Rendered on request at"] }],
  // The API's floor for the benchmark: off unless the server runs with BENCH_ROUTES=1 (npm run bench sets it).
  "/bench/insert": [{ method: "POST", url: () => "/bench/insert", body: () => ({}), want: ALL(404) }],
};

/** Every page and route handler under app/, as a route pattern: route groups dropped, [params] kept. */
function routesInApp(dir = path.join(import.meta.dirname, "..", "app"), segments: string[] = []): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) {
      if (e.name.startsWith("_") || e.name.startsWith("@")) return []; // private and parallel-route folders
      const seg = /^\(.*\)$/.test(e.name) ? [] : [e.name];
      return routesInApp(path.join(dir, e.name), [...segments, ...seg]);
    }
    return /^(page|route)\.(tsx?|jsx?)$/.test(e.name) ? [`/${segments.join("/")}`] : [];
  });
}

// ---------------------------------------------------------------- the five callers and their team

let ids: Ids;
const clients = {} as Record<Caller, APIRequestContext>;

/** A seeded person, signed in, in the team when given its link, with an API token. */
async function join(browser: Browser, pool: PersonPool, link?: string) {
  const { context, page, person: who, team } = await pool.signIn(browser, pool.take());
  if (link) await team.join(link);
  await page.goto("/account");
  await page.getByLabel("Token name").fill("Matrix");
  await page.getByRole("button", { name: "Create token" }).click();
  const apiToken = await page.getByTestId("new-token").inputValue();
  const session = (await (await context.request.get("/api/auth/session")).json()) as { user: { id: string } };
  return { context, page, person: { ...who, id: session.user.id, apiToken } };
}

test.describe("authorization matrix: pages and route handlers", () => {
  // One setup for every route: the tests share the five callers, so they run in order in one worker.
  test.describe.configure({ mode: "default" });

  test.beforeAll(async ({ browser, playwright, baseURL, pool }) => {
    test.setTimeout(180_000);
    const owner = await join(browser, pool);
    const team = new TeamPages(owner.page);
    const teamName = `Matrix Team ${owner.person.name.split(" ")[1]}`;
    const slug = await team.createTeam(teamName);
    const managerLink = await team.invite(slug, "", "manager");
    const memberLink = await team.invite(slug, "", "member");
    const manager = await join(browser, pool, managerLink);
    const member = await join(browser, pool, memberLink);
    const outsider = await join(browser, pool);

    await owner.page.goto(`/t/${slug}/settings`);
    await owner.page.getByRole("button", { name: "Create secret TV link" }).click();
    const tvLink = await owner.page.getByLabel("TV link").inputValue();
    // The owner's own digest preview carries their signed unsubscribe link.
    const digest = await (await owner.context.request.get(`/t/${slug}/digest`)).text();
    const challengeName = `Matrix challenge ${owner.person.name.split(" ")[1]}`;
    const challengeId = await new ChallengePages(owner.page).create(slug, { name: challengeName, kind: "Most improved" });
    const unsubscribeToken = /unsubscribe\?token=(digest\.[\w-]+\.[\w-]+)/.exec(digest)?.[1];
    expect(unsubscribeToken, "unsubscribe link in the digest preview").toBeTruthy();

    ids = {
      slug,
      teamName,
      people: { owner: owner.person, manager: manager.person, member: member.person, outsider: outsider.person },
      inviteToken: memberLink.split("/").pop()!,
      tvToken: new URL(tvLink).pathname.split("/").pop()!,
      unsubscribeToken: unsubscribeToken!,
      challengeId,
      challengeName,
    };
    for (const [c, ctx] of [["owner", owner], ["manager", manager], ["member", member], ["outsider", outsider]] as const) {
      clients[c] = await playwright.request.newContext({ baseURL, storageState: await ctx.context.storageState() });
      await ctx.context.close();
    }
    clients.anonymous = await playwright.request.newContext({ baseURL });
  });

  test.afterAll(async () => {
    await Promise.all(Object.values(clients).map((c) => c?.dispose()));
  });

  test("every route under app/ has an entry in the matrix, and every entry is a route", () => {
    const routes = routesInApp();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !(r in MATRIX)), "routes under app/ missing from the authorization matrix").toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !routes.includes(k)), "matrix entries with no route under app/").toEqual([]);
  });

  for (const [route, probes] of Object.entries(MATRIX)) {
    test(`${route}: each caller gets the expected answer`, async () => {
      for (const probe of probes) {
        for (const caller of CALLERS) {
          const where = `${probe.method ?? "GET"} ${route}${probe.label ? ` (${probe.label})` : ""} as ${caller}`;
          const res = await send(probe, caller);
          await check(res, probe, caller, where);
        }
      }
    });
  }
});

async function send(probe: Probe, caller: Caller): Promise<APIResponse> {
  const url = probe.url(ids);
  const headers: Record<string, string> = {};
  if (probe.auth === "token" && caller !== "anonymous") headers.authorization = `Bearer ${ids.people[caller].apiToken}`;
  const options = { headers, maxRedirects: 0, failOnStatusCode: false, data: probe.body?.(ids) };
  return probe.method === "POST" ? clients[caller].post(url, options) : clients[caller].get(url, options);
}

async function check(res: APIResponse, probe: Probe, caller: Caller, where: string) {
  const want = probe.want[caller];
  const status = res.status();
  if (want === "signin" || typeof want === "object" && !Array.isArray(want)) {
    expect([302, 303, 307, 308], `${where}: a redirect`).toContain(status);
    const location = new URL(res.headers().location ?? "", "http://x");
    if (want === "signin") {
      expect(location.pathname, `${where}: sent to sign-in`).toBe("/sign-in");
      const requested = new URL(probe.url(ids), "http://x");
      expect(location.searchParams.get("callbackUrl"), `${where}: comes back afterwards`).toBe(probe.callback?.(ids) ?? requested.pathname + requested.search);
    } else {
      expect(location.pathname, `${where}: redirected`).toBe(want.redirect);
    }
    return;
  }
  const accepted = Array.isArray(want) ? want : [want];
  // React separates adjacent text with empty comments ("Join <!-- -->Team"): drop them to match what a person reads.
  const body = (await res.text()).replaceAll("<!-- -->", "");
  expect(accepted, `${where}: status ${status}, body ${body.slice(0, 200)}`).toContain(status);
  if (status === 404 && (res.headers()["content-type"] ?? "").includes("text/html")) {
    expect(/We couldn(&#x27;|')t find that page/.test(body), `${where}: the designed not-found page`).toBe(true);
  }
  // A refusal does not reveal whose team the slug or token belongs to.
  if (status >= 400 && (caller === "outsider" || caller === "anonymous")) expect(body.includes(ids.teamName), `${where}: no team name`).toBe(false);
  if (status < 300) {
    for (const s of probe.see?.(ids, caller) ?? []) expect(typeof s === "string" ? body.includes(s) : s.test(body), `${where}: shows ${s}`).toBe(true);
  }
}
