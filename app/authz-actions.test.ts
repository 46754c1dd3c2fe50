// The authorization matrix for server actions: every exported function of every app/**/actions.ts is called by
// five callers (owner, manager, member of the team, a signed-in outsider, a signed-out visitor) with valid
// input, and the outcome is checked: allowed (the effect is in the database), 404, a redirect to sign-in, or
// "unchanged" (refused or a no-op). Whatever is not allowed leaves every table exactly as it was. An action
// without an entry here fails the test by name, so a new action cannot skip the matrix.
import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/client";
import { getAccount, changePassword, getPasswordHash } from "@/db/queries/account";
import { createApiToken, listApiTokens } from "@/db/queries/api-tokens";
import { requestEmailProof } from "@/db/queries/email-proofs";
import { createChallenge, listTeamChallenges } from "@/db/queries/challenges";
import { createInvitation } from "@/db/queries/invitations";
import { getGoal, setGoal } from "@/db/queries/goals";
import { getNotificationPrefs } from "@/db/queries/notification-prefs";
import { getSnapshot } from "@/db/queries/snapshots";
import { listTeamsForUser } from "@/db/queries/teams";
import { createTvLink } from "@/db/queries/tv";
import { connectChannel } from "@/db/queries/channels";
import { startWebhookStandIn, type WebhookStandIn } from "@/db/testing/webhook-stand-in";
import { getUserById, getUserCredentials, type PublicUser } from "@/db/queries/users";
import { accounts, invitations, memberships, outbox, teamChannels, teams, users } from "@/db/schema";
import { listSignInMethods } from "@/db/queries/sign-in-methods";
import { addMember, makeSnapshot, makeTeam, makeUser } from "@/db/testing/factories";
import { setupTestDatabase } from "@/db/testing/test-db";
import { startSession } from "@/db/queries/sessions";
import { signIn, signOut } from "@/server/auth/auth";
import { addDays, todayInZone } from "@/lib/dates";
import { signUnsubscribeToken } from "@/lib/mail/unsubscribe";
import { hashPassword, verifyPassword } from "@/lib/password";
import { grantTeamAccess } from "@/lib/team-access";
import { withAuthSecret } from "@/lib/testing/auth-secret";

/** Who is signed in for the next call; read by the mocked readSession() the way it would from the cookie. */
const caller = vi.hoisted(() => ({ userId: null as string | null, sessionId: undefined as string | undefined }));

vi.mock("@/lib/auth/session-token", async () => {
  const { getUserById: byId } = await import("@/db/queries/users");
  return {
    // The session carries the person's current session version and its live session record, as a fresh
    // sign-in would.
    readSession: vi.fn(async () => {
      if (!caller.userId) return null;
      const u = await byId(caller.userId);
      return { sub: caller.userId, sv: u?.sessionVersion ?? 0, sid: caller.sessionId };
    }),
  };
});
vi.mock("@/server/auth/auth", () => ({
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => undefined),
  handlers: {},
}));
// next-auth's ESM build cannot load next/server outside Next; the actions only need its error class.
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
}));
vi.mock("@/server/mail/sender", async (orig) => ({ ...(await orig<object>()), kickSender: vi.fn() }));

withAuthSecret("authz-matrix-secret-authz-matrix-secret");
// One single-sign-on provider is configured, so the sign-in and linking actions have one to go to (restored after the file).
for (const [k, v] of Object.entries({ AUTH_OIDC_ISSUER: "https://sso.example.test", AUTH_OIDC_ID: "matrix", AUTH_OIDC_SECRET: "matrix-secret", AUTH_OIDC_NAME: "Example SSO" })) vi.stubEnv(k, v);
const t = setupTestDatabase();

const CALLERS = ["owner", "manager", "member", "outsider", "anonymous"] as const;
type Caller = (typeof CALLERS)[number];
type Expected = "allowed" | "unchanged" | 404 | "signin";

type World = {
  slug: string;
  teamId: string;
  teamName: string;
  today: string;
  /** `target` is a second plain member: the person managers act on. */
  users: Record<Exclude<Caller, "anonymous"> | "target", PublicUser>;
};
/** The caller's own account; a signed-out visitor's "own" input uses the member's. */
const self = (w: World, c: Caller) => (c === "anonymous" ? w.users.member : w.users[c]);

type Case = {
  label?: string;
  expect: Record<Caller, Expected>;
  /** Builds the valid input for this caller (and any rows it acts on). */
  input: (w: World, c: Caller) => Promise<unknown[]> | unknown[];
  /** Asserts the allowed call's effect is in the database. */
  effect: (w: World, c: Caller) => Promise<void>;
};

const ALL = (e: Expected) => Object.fromEntries(CALLERS.map((c) => [c, e])) as Record<Caller, Expected>;
const PUBLIC = ALL("allowed");
const SIGNED_IN = { ...ALL("allowed"), anonymous: "signin" } as const;
const TEAM = { owner: "allowed", manager: "allowed", member: "allowed", outsider: 404, anonymous: "signin" } as const;
const MANAGERS = { ...TEAM, member: 404 } as const;
const OWNER = { ...MANAGERS, manager: 404 } as const;

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
const roleOf = async (w: World, userId: string) =>
  (await t.db().select({ role: memberships.role }).from(memberships).where(and(eq(memberships.teamId, w.teamId), eq(memberships.userId, userId))))[0]?.role;
const teamRow = async (w: World) => (await t.db().select().from(teams).where(eq(teams.id, w.teamId)))[0];
const ownerAccess = (w: World) => grantTeamAccess(w.teamId, w.users.owner.id, "owner");
const SCORES = { brand: "10", people: "11", insights: "12", relationships: "13" };

// A stand-in webhook that refuses every post (404), so an allowed test message leaves a visible mark: the
// connection flagged broken.
let hook: WebhookStandIn;
beforeAll(async () => {
  hook = await startWebhookStandIn();
  process.env.CHANNEL_WEBHOOK_ALLOWED_ORIGINS = hook.origin;
});
afterAll(() => hook.close());
const channelRow = async (w: World) => (await t.db().select().from(teamChannels).where(eq(teamChannels.teamId, w.teamId)))[0];
const connectStandIn = async (w: World) => {
  hook.replyNext(...Array.from({ length: 5 }, () => ({ status: 404, body: "no_service" })));
  await connectChannel(ownerAccess(w), { url: hook.url(`/hook/${w.teamId}`), kind: "slack", hint: "stand-in" });
};

/** One entry per exported action: `file#export`, file relative to app/. */
const MATRIX: Record<string, Case[]> = {
  "(app)/account/actions.ts#updateProfileAction": [{
    expect: SIGNED_IN,
    input: (w, c) => [{}, form({ name: `Renamed ${c}`, email: self(w, c).email, timeZone: "Europe/Paris" })],
    effect: async (w, c) => expect(await getAccount(self(w, c).id)).toMatchObject({ name: `Renamed ${c}`, timeZone: "Europe/Paris" }),
  }],
  "(app)/account/actions.ts#changePasswordAction": [{
    expect: SIGNED_IN,
    input: async (w, c) => {
      await changePassword(self(w, c).id, await hashPassword("old-password-123"));
      return [{}, form({ currentPassword: "old-password-123", newPassword: "new-password-456" })];
    },
    effect: async (w, c) => {
      expect(await verifyPassword("new-password-456", await getPasswordHash(self(w, c).id))).toBe(true);
      expect(signIn).toHaveBeenCalledWith("credentials", expect.objectContaining({ email: self(w, c).email }));
    },
  }],
  "(app)/account/actions.ts#resendEmailProofAction": [{
    expect: SIGNED_IN,
    input: async (w, c) => {
      await t.db().update(users).set({ emailVerified: null }).where(eq(users.id, self(w, c).id));
      return [{}];
    },
    effect: async (w, c) => {
      const sent = await t.db().select().from(outbox).where(and(eq(outbox.kind, "email_proof"), eq(outbox.userId, self(w, c).id)));
      expect(sent.map((m) => m.toEmail)).toEqual([self(w, c).email]);
    },
  }],
  "(app)/account/confirm-email/[token]/actions.ts#confirmEmailAction": [{
    // Only the account the link was sent for can use it; for anyone else it changes nothing.
    label: "the member's link to a new address",
    expect: { owner: "unchanged", manager: "unchanged", member: "allowed", outsider: "unchanged", anonymous: "signin" },
    input: async (w) => {
      await requestEmailProof(w.users.member.id, `moved-${w.users.member.id}@example.test`, { origin: "https://ssi.test" });
      const [mail] = await t.db().select({ secret: outbox.secret }).from(outbox).where(and(eq(outbox.kind, "email_proof"), eq(outbox.userId, w.users.member.id)));
      return [mail!.secret, {}];
    },
    effect: async (w) => expect((await getUserById(w.users.member.id))?.email).toBe(`moved-${w.users.member.id}@example.test`),
  }],
  "(app)/account/actions.ts#setPrivacyAction": [{
    expect: SIGNED_IN,
    input: () => [{}, form({ hideComponents: "on" })],
    effect: async (w, c) => expect((await getAccount(self(w, c).id))?.hideComponents).toBe(true),
  }],
  "(app)/account/actions.ts#createTokenAction": [{
    expect: SIGNED_IN,
    input: () => [{}, form({ name: "Matrix script" })],
    effect: async (w, c) => expect((await listApiTokens(self(w, c).id)).map((k) => k.name)).toEqual(["Matrix script"]),
  }],
  "(app)/account/actions.ts#revokeTokenAction": [
    {
      label: "own token",
      expect: SIGNED_IN,
      input: async (w, c) => [(await createApiToken(self(w, c).id, "mine")).id],
      effect: async (w, c) => expect((await listApiTokens(self(w, c).id))[0]?.revokedAt).toBeInstanceOf(Date),
    },
    {
      label: "the member's token",
      expect: { owner: "unchanged", manager: "unchanged", member: "allowed", outsider: "unchanged", anonymous: "signin" },
      input: async (w) => [(await createApiToken(w.users.member.id, "theirs")).id],
      effect: async (w) => expect((await listApiTokens(w.users.member.id))[0]?.revokedAt).toBeInstanceOf(Date),
    },
  ],
  "(app)/account/actions.ts#linkProviderAction": [{
    expect: SIGNED_IN,
    input: () => [form({ provider: "oidc" })],
    effect: async () => expect(signIn).toHaveBeenCalledWith("oidc", { redirectTo: "/account?linked=oidc#sign-in-methods" }),
  }],
  "(app)/account/actions.ts#unlinkProviderAction": [
    {
      label: "own linked provider",
      expect: SIGNED_IN,
      input: async (w, c) => {
        await t.db().insert(accounts).values({ userId: self(w, c).id, provider: "oidc", providerAccountId: `idp-${c}-${Math.random()}`, type: "oidc" });
        return ["oidc", {}];
      },
      effect: async (w, c) => expect((await listSignInMethods(self(w, c).id)).providers).not.toContain("oidc"),
    },
    {
      label: "the member's linked provider",
      // Each caller can unlink only from their own account: the member's link stays for everyone else.
      expect: { owner: "unchanged", manager: "unchanged", member: "allowed", outsider: "unchanged", anonymous: "signin" },
      input: async (w) => {
        await t.db().insert(accounts).values({ userId: w.users.member.id, provider: "google", providerAccountId: `member-at-google-${Math.random()}`, type: "oidc" });
        return ["google", {}];
      },
      effect: async (w) => expect((await listSignInMethods(w.users.member.id)).providers).not.toContain("google"),
    },
  ],
  "(app)/account/actions.ts#deleteAccountAction": [{
    // The owner is the team's only owner: refused with a message until ownership moves.
    expect: { ...SIGNED_IN, owner: "unchanged" },
    input: (w, c) => [{}, form({ confirmEmail: self(w, c).email })],
    effect: async (w, c) => {
      expect(await getUserById(self(w, c).id)).toBeNull();
      expect(signOut).toHaveBeenCalled();
    },
  }],
  "(app)/account/notifications/actions.ts#saveNotificationsAction": [{
    expect: SIGNED_IN,
    input: () => [{}, form({ reminders: "on" })],
    effect: async (w, c) => expect(await getNotificationPrefs(self(w, c).id)).toEqual({ digestEnabled: false, remindersEnabled: true, teamRemindersEnabled: false, nameInChannels: false }),
  }],
  "(app)/me/actions.ts#saveGoalAction": [{
    expect: SIGNED_IN,
    input: (w) => [{}, form({ targetTotal: "80", targetDate: addDays(w.today, 60) })],
    effect: async (w, c) => expect(await getGoal(self(w, c).id)).toMatchObject({ targetTotal: 80, targetDate: addDays(w.today, 60) }),
  }],
  "(app)/me/actions.ts#clearGoalAction": [{
    expect: SIGNED_IN,
    input: async (w, c) => {
      await setGoal(self(w, c).id, { targetTotal: 70, targetDate: addDays(w.today, 30) });
      return [];
    },
    effect: async (w, c) => expect(await getGoal(self(w, c).id)).toBeNull(),
  }],
  "(app)/new-team/actions.ts#createTeamAction": [{
    expect: SIGNED_IN,
    input: (_w, c) => [{}, form({ name: `New team of ${c}`, timeZone: "UTC" })],
    effect: async (w, c) => expect((await listTeamsForUser(self(w, c).id)).map((x) => x.name)).toContain(`New team of ${c}`),
  }],
  "(app)/t/[slug]/challenges/actions.ts#createChallengeAction": [{
    expect: MANAGERS,
    input: (w) => [w.slug, {}, form({ name: "Matrix climb", kind: "improved", metric: "total", startsOn: w.today, endsOn: addDays(w.today, 20) })],
    effect: async (w) => expect((await listTeamChallenges(ownerAccess(w))).map((c) => c.name)).toEqual(["Matrix climb"]),
  }],
  "(app)/t/[slug]/challenges/actions.ts#editChallengeAction": [{
    expect: MANAGERS,
    input: async (w) => {
      const challenge = { name: "Matrix climb", kind: "improved" as const, metric: "total" as const, target: null, participants: "all" as const, participantIds: [], teamIds: [] };
      const id = await createChallenge(ownerAccess(w), { ...challenge, startsOn: w.today, endsOn: addDays(w.today, 20) });
      return [w.slug, id, {}, form({ name: "Renamed climb", endsOn: addDays(w.today, 30) })];
    },
    effect: async (w) => expect((await listTeamChallenges(ownerAccess(w))).map((c) => [c.name, c.endsOn])).toEqual([["Renamed climb", addDays(w.today, 30)]]),
  }],
  "(app)/t/[slug]/dashboard/actions.ts#remindAction": [{
    expect: MANAGERS,
    input: (w) => [{}, form({ slug: w.slug, userId: w.users.target.id })],
    effect: async (w) => expect(await t.db().select({ kind: outbox.kind }).from(outbox).where(eq(outbox.userId, w.users.target.id))).toEqual([{ kind: "reminder" }]),
  }],
  "(app)/t/[slug]/import/actions.ts#importAction": [{
    expect: MANAGERS,
    input: (w) => [
      w.slug,
      {},
      form({
        intent: "confirm",
        fileName: "m.csv",
        // The sheet as the page sends it back (line, problem, then the file's columns) and the columns chosen.
        table: `line,problem,email,measured_on,brand,people,insights,relationships\n2,,${w.users.target.email},${w.today},10,10,10,10\n`,
        "col.email": "0",
        "col.measured_on": "1",
        "col.brand": "2",
        "col.people": "3",
        "col.insights": "4",
        "col.relationships": "5",
      }),
    ],
    effect: async (w) => expect(await getSnapshot(w.users.target.id, w.today)).toMatchObject({ total: 40 }),
  }],
  "(app)/t/[slug]/members/actions.ts#inviteAction": [{
    expect: MANAGERS,
    input: (w) => [w.slug, {}, form({ email: "", role: "member", expiresInDays: "7" })],
    effect: async (w) => expect(await t.db().select().from(invitations).where(eq(invitations.teamId, w.teamId))).toHaveLength(1),
  }],
  "(app)/t/[slug]/members/actions.ts#bulkInviteAction": [{
    expect: MANAGERS,
    input: (w) => [w.slug, {}, form({ intent: "confirm", list: "Ana New <ana-bulk@example.test>\nben-bulk@example.test", role: "member", expiresInDays: "7" })],
    effect: async (w) =>
      expect((await t.db().select({ email: invitations.email }).from(invitations).where(eq(invitations.teamId, w.teamId)).orderBy(invitations.email)).map((i) => i.email)).toEqual([
        "ana-bulk@example.test",
        "ben-bulk@example.test",
      ]),
  }],
  "(app)/t/[slug]/members/actions.ts#revokeInvitationAction": [{
    expect: MANAGERS,
    input: async (w) => [w.slug, form({ id: (await createInvitation(ownerAccess(w), { email: null, role: "member", expiresInDays: 7 })).id })],
    effect: async (w) => expect((await t.db().select().from(invitations).where(eq(invitations.teamId, w.teamId)))[0]?.revokedAt).toBeInstanceOf(Date),
  }],
  "(app)/t/[slug]/members/actions.ts#changeRoleAction": [{
    expect: MANAGERS,
    input: (w) => [w.slug, {}, form({ userId: w.users.target.id, role: "manager" })],
    effect: async (w) => expect(await roleOf(w, w.users.target.id)).toBe("manager"),
  }],
  "(app)/t/[slug]/members/actions.ts#removeMemberAction": [{
    expect: MANAGERS,
    input: (w) => [w.slug, {}, form({ userId: w.users.target.id })],
    effect: async (w) => expect(await roleOf(w, w.users.target.id)).toBeUndefined(),
  }],
  "(app)/t/[slug]/members/actions.ts#transferOwnershipAction": [{
    expect: OWNER,
    input: (w) => [w.slug, {}, form({ userId: w.users.target.id })],
    effect: async (w) => {
      expect(await roleOf(w, w.users.target.id)).toBe("owner");
      expect(await roleOf(w, w.users.owner.id)).toBe("manager");
    },
  }],
  "(app)/t/[slug]/scores/actions.ts#deleteMySnapshotAction": [{
    expect: TEAM,
    input: async (w, c) => {
      await makeSnapshot(self(w, c).id, w.today, 50);
      return [w.slug, form({ measuredOn: w.today })];
    },
    effect: async (w, c) => expect(await getSnapshot(self(w, c).id, w.today)).toBeNull(),
  }],
  "(app)/t/[slug]/settings/actions.ts#updateTeamAction": [{
    expect: MANAGERS,
    input: (w) => [w.slug, {}, form({ name: "Renamed Team", timeZone: "Europe/Berlin", digestDay: "5" })],
    effect: async (w) => expect(await teamRow(w)).toMatchObject({ name: "Renamed Team", timeZone: "Europe/Berlin", digestDay: 5 }),
  }],
  "(app)/t/[slug]/settings/actions.ts#leaveTeamAction": [{
    // The only owner cannot leave (the team would be ownerless): refused with a message.
    expect: { ...TEAM, owner: "unchanged" },
    input: (w) => [w.slug, {}],
    effect: async (w, c) => expect(await roleOf(w, self(w, c).id)).toBeUndefined(),
  }],
  "(app)/t/[slug]/settings/actions.ts#deleteTeamAction": [{
    expect: OWNER,
    input: (w) => [w.slug, {}, form({ confirmName: w.teamName })],
    effect: async (w) => expect(await teamRow(w)).toBeUndefined(),
  }],
  "(app)/t/[slug]/settings/actions.ts#createTvLinkAction": [{
    expect: MANAGERS,
    input: (w) => [w.slug, {}],
    effect: async (w) => expect((await teamRow(w))?.tvTokenHash).toEqual(expect.any(String)),
  }],
  "(app)/t/[slug]/settings/actions.ts#revokeTvLinkAction": [{
    expect: MANAGERS,
    input: async (w) => {
      await createTvLink(ownerAccess(w));
      return [w.slug, {}];
    },
    effect: async (w) => expect((await teamRow(w))?.tvTokenHash).toBeNull(),
  }],
  "(app)/t/[slug]/settings/channel/actions.ts#connectChannelAction": [{
    expect: MANAGERS,
    input: (w) => [w.slug, {}, form({ url: "https://hooks.slack.com/services/T0/B0/matrix-secret", kind: "auto" })],
    effect: async (w) => expect(await channelRow(w)).toMatchObject({ kind: "slack", urlHint: "hooks.slack.com …cret" }),
  }],
  "(app)/t/[slug]/settings/channel/actions.ts#saveChannelOptionsAction": [{
    expect: MANAGERS,
    input: async (w) => {
      await connectStandIn(w);
      return [w.slug, {}, form({ weekly: "on" })];
    },
    effect: async (w) => expect(await channelRow(w)).toMatchObject({ weeklyEnabled: true, highlightsEnabled: false }),
  }],
  "(app)/t/[slug]/settings/channel/actions.ts#sendTestMessageAction": [{
    expect: MANAGERS,
    input: async (w) => {
      await connectStandIn(w);
      return [w.slug, {}];
    },
    effect: async (w) => expect((await channelRow(w))?.brokenReason).toBe("Slack answered 404 no_service"),
  }],
  "(app)/t/[slug]/settings/channel/actions.ts#disconnectChannelAction": [{
    expect: MANAGERS,
    input: async (w) => {
      await connectStandIn(w);
      return [w.slug, {}];
    },
    effect: async (w) => expect(await channelRow(w)).toBeUndefined(),
  }],
  "(app)/t/[slug]/submit/actions.ts#saveSnapshotAction": [
    {
      label: "own score",
      expect: TEAM,
      input: (w) => [w.slug, {}, form({ measuredOn: w.today, ...SCORES })],
      effect: async (w, c) => expect(await getSnapshot(self(w, c).id, w.today)).toMatchObject({ total: 46 }),
    },
    {
      label: "a teammate's score",
      // A member is told only managers enter scores for others; nothing is saved.
      expect: { ...MANAGERS, member: "unchanged" },
      input: (w) => [w.slug, {}, form({ measuredOn: w.today, userId: w.users.target.id, ...SCORES })],
      effect: async (w) => expect(await getSnapshot(w.users.target.id, w.today)).toMatchObject({ total: 46 }),
    },
  ],
  "(auth)/actions.ts#signUpAction": [{
    expect: PUBLIC,
    input: (_w, c) => [{}, form({ name: "New Person", email: `new-${c}-${Date.now()}@example.test`, password: "a-long-password" })],
    effect: async () => {
      const email = (vi.mocked(signIn).mock.calls[0]?.[1] as { email: string }).email;
      expect(await getUserCredentials(email)).toMatchObject({ email });
    },
  }],
  "(auth)/actions.ts#signInAction": [{
    expect: PUBLIC,
    input: (w) => [{}, form({ email: w.users.member.email, password: "whatever-it-is" })],
    effect: async (w) => expect(signIn).toHaveBeenCalledWith("credentials", expect.objectContaining({ email: w.users.member.email })),
  }],
  "(auth)/actions.ts#magicLinkAction": [{
    expect: PUBLIC,
    input: (w) => [{}, form({ email: w.users.member.email })],
    effect: async (w) => expect(signIn).toHaveBeenCalledWith("nodemailer", expect.objectContaining({ email: w.users.member.email })),
  }],
  "(auth)/actions.ts#ssoSignInAction": [{
    expect: PUBLIC,
    input: () => [form({ provider: "oidc", callbackUrl: "/teams" })],
    effect: async () => expect(signIn).toHaveBeenCalledWith("oidc", { redirectTo: "/teams" }),
  }],
  "(auth)/actions.ts#signOutAction": [{
    expect: PUBLIC,
    input: () => [],
    effect: async () => expect(signOut).toHaveBeenCalled(),
  }],
  "invite/[token]/actions.ts#acceptInvitationAction": [{
    // Members are sent to the team they are already in; the outsider joins as a member.
    expect: { owner: "unchanged", manager: "unchanged", member: "unchanged", outsider: "allowed", anonymous: "signin" },
    input: async (w) => [(await createInvitation(ownerAccess(w), { email: null, role: "member", expiresInDays: 7 })).token, {}],
    effect: async (w) => expect(await roleOf(w, w.users.outsider.id)).toBe("member"),
  }],
  "unsubscribe/actions.ts#unsubscribeAction": [
    {
      label: "the member's signed link",
      expect: PUBLIC,
      input: (w) => [{}, form({ token: signUnsubscribeToken(w.users.member.id, "digest") })],
      effect: async (w) => expect((await getNotificationPrefs(w.users.member.id))?.digestEnabled).toBe(false),
    },
    {
      label: "a forged link",
      expect: ALL("unchanged"),
      input: (w) => [{}, form({ token: `digest.${w.users.member.id}.forged-signature-forged-signature-forged-s` })],
      effect: async () => {},
    },
  ],
};

// ---------------------------------------------------------------- discovery

const APP = path.resolve(import.meta.dirname);
function actionFiles(dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return actionFiles(p);
    return e.name === "actions.ts" ? [path.relative(APP, p).split(path.sep).join("/")] : [];
  });
}
type ActionFn = (...args: unknown[]) => Promise<unknown>;
async function loadActions(): Promise<Map<string, ActionFn>> {
  const found = new Map<string, ActionFn>();
  for (const file of actionFiles()) {
    const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.set(`${file}#${name}`, value as ActionFn);
  }
  return found;
}

// ---------------------------------------------------------------- running one call

async function makeWorld(): Promise<World> {
  const [owner, manager, member, outsider, target] = await Promise.all(
    ["Owner", "Manager", "Member", "Outsider", "Target"].map((n) => makeUser({ name: `${n} Person` })),
  );
  const team = await makeTeam(owner!.id, { name: `Matrix ${Math.random().toString(36).slice(2, 8)}` });
  await addMember(team.id, manager!.id, "manager");
  await addMember(team.id, member!.id, "member");
  await addMember(team.id, target!.id, "member");
  return {
    slug: team.slug,
    teamId: team.id,
    teamName: team.name,
    today: todayInZone("UTC"),
    users: { owner: owner!, manager: manager!, member: member!, outsider: outsider!, target: target! },
  };
}

/** Every table's content (rate-limit counters aside: counting an attempt is not a change of state). */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    t.db(),
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limits' order by 1`,
  );
  const perTable = tables.map(
    ({ name }) => `select '${name}' as name, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}" x`,
  );
  const rows = await queryRows<{ name: string; h: string }>(t.db(), sql.raw(perTable.join(" union all ")));
  return Object.fromEntries(rows.map((r) => [r.name, r.h]));
}

type Outcome = { kind: "returned" } | { kind: 404 } | { kind: "redirect"; to: string };
async function attempt(fn: ActionFn, args: unknown[]): Promise<Outcome> {
  try {
    await fn(...args);
    return { kind: "returned" };
  } catch (err) {
    const digest = String((err as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: 404 };
    if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] ?? "" };
    throw err;
  }
}

beforeEach(() => {
  caller.userId = null;
  vi.mocked(signIn).mockClear();
  vi.mocked(signOut).mockClear();
});

describe("authorization matrix: server actions", () => {
  it("every exported server action has a matrix entry, and every entry names an existing action", async () => {
    const found = [...(await loadActions()).keys()].sort();
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((k) => !(k in MATRIX)), "actions without a matrix entry").toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !found.includes(k)), "matrix entries without an action").toEqual([]);
  });

  const rows = Object.entries(MATRIX).flatMap(([key, cases]) =>
    cases.flatMap((c) => CALLERS.map((who) => ({ name: `${key}${c.label ? ` (${c.label})` : ""} as ${who} → ${c.expect[who]}`, key, c, who }))),
  );
  for (const { name, key, c, who } of rows) it(name, async () => {
    const fn = (await loadActions()).get(key);
    if (!fn) throw new Error(`No exported action ${key}`);
    const w = await makeWorld();
    const args = await c.input(w, who);
    caller.userId = who === "anonymous" ? null : w.users[who].id;
    caller.sessionId = caller.userId ? await startSession(caller.userId, 3600) : undefined;
    const before = await fingerprint();
    const outcome = await attempt(fn, args);
    caller.userId = null;
    const expected = c.expect[who];
    if (expected === "allowed") {
      if (outcome.kind === "redirect") expect(outcome.to).not.toMatch(/^\/sign-in/);
      expect(outcome.kind).not.toBe(404);
      await c.effect(w, who);
      return;
    }
    if (expected === 404) expect(outcome).toEqual({ kind: 404 });
    else if (expected === "signin") expect(outcome).toMatchObject({ kind: "redirect", to: expect.stringMatching(/^\/sign-in(\?|$)/) });
    else expect(outcome.kind === 404 || (outcome.kind === "redirect" && outcome.to.startsWith("/sign-in"))).toBe(false);
    expect(await fingerprint(), "nothing in the database changed").toEqual(before);
  });
});
