// Challenges in the team channel, against a local HTTP server standing in for Slack and Teams: a new challenge
// is posted to every taking-part team that wants highlights, and the weekly summary carries the digest's
// challenge lines (start, final stretch, result), naming a winner only when they agreed to be named.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { connectStandInChannel, drainToStandIn, setupOutboxWebhook } from "../testing/outbox-sink";
import { memberships, users } from "../schema";
import { updateChannelOptions } from "./channels";
import { createChallenge } from "./challenges";
import { runTeamDigest } from "@/server/digest/run";
import { withAuthSecret } from "@/lib/testing/auth-secret";

withAuthSecret("challenge-channel-secret-challenge-channel"); // digest emails carry signed unsubscribe links
const t = setupTestDatabase();
const hook = setupOutboxWebhook(t);

const ORIGIN = "https://ssi.example.test";
// The week of 3–9 March 2025 (Monday weeks, digest on Monday 10 March).
const WEEK = { start: "2025-03-03", end: "2025-03-09" };
const drain = () => drainToStandIn(hook());
const base = { metric: "total" as const, target: null, participants: "all" as const, participantIds: [], teamIds: [] as string[] };
const texts = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.flatMap(texts) : v && typeof v === "object" ? Object.values(v).flatMap(texts) : []);

type Team = Awaited<ReturnType<typeof makeTeam>>;
const connect = (team: Team, kind: "slack" | "teams", opts: { weeklyEnabled: boolean; highlightsEnabled: boolean }) => connectStandInChannel(hook(), team, kind, opts);
const postsTo = (team: Team) => hook().delivered().filter((d) => d.path === `/hook/${team.id}`);

/** A team whose owner climbs 1 point and whose member climbs 8 during 1–8 March: the member wins. */
async function climbingTeam(memberName: string) {
  const owner = await makeUser({ name: "Olga Owner" });
  const team = await makeTeam(owner.id, { name: "North" });
  const lea = await makeUser({ name: memberName });
  await addMember(team.id, lea.id);
  await t.db().update(memberships).set({ joinedAt: new Date("2025-01-01T00:00:00Z") }).where(eq(memberships.teamId, team.id));
  await makeSnapshot(lea.id, "2025-03-01", 40);
  await makeSnapshot(lea.id, "2025-03-07", 48);
  await makeSnapshot(owner.id, "2025-03-01", 85);
  await makeSnapshot(owner.id, "2025-03-07", 86);
  return { team, lea };
}

describe(`challenges in the team channel on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("puts the digest's challenge result in the weekly Slack summary, with a button to its standings", async () => {
    const { team } = await climbingTeam("Lea Climber");
    const id = await createChallenge(team.owner, { ...base, name: "March climb", kind: "improved", startsOn: "2025-03-01", endsOn: "2025-03-08" });
    await connect(team, "slack", { weeklyEnabled: true, highlightsEnabled: false });
    await runTeamDigest(team.id, WEEK, { origin: ORIGIN });
    await runTeamDigest(team.id, WEEK, { origin: ORIGIN }); // a second trigger posts nothing more
    await drain();
    expect(postsTo(team)).toHaveLength(1);
    const body = postsTo(team)[0]!.json as { blocks: { type: string; text?: { type: string; text: string }; accessory?: { type: string; url: string } }[] };
    expect(body.blocks.some((b) => b.text?.text === "*Challenges*")).toBe(true);
    const line = body.blocks.find((b) => b.accessory);
    expect(line!.text).toEqual({ type: "plain_text", text: "“March climb” ended on 8 Mar 2025. Winner: Lea Climber.", emoji: false });
    expect(line!.accessory).toMatchObject({ type: "button", url: `${ORIGIN}/t/${team.slug}/challenges/${id}` });
  });

  it("names a winner who opted out of channels as “A teammate”, in the Teams card too", async () => {
    const { team, lea } = await climbingTeam("Private Lea");
    await t.db().update(users).set({ nameInChannels: false }).where(eq(users.id, lea.id));
    const id = await createChallenge(team.owner, { ...base, name: "March climb", kind: "improved", startsOn: "2025-03-01", endsOn: "2025-03-08" });
    await connect(team, "teams", { weeklyEnabled: true, highlightsEnabled: false });
    await runTeamDigest(team.id, WEEK, { origin: ORIGIN });
    await drain();
    const raw = postsTo(team)[0]!.body;
    expect(raw).not.toContain("Private Lea");
    const card = (postsTo(team)[0]!.json as { attachments: { content: { body: unknown[]; actions: { title: string; url: string }[] } }[] }).attachments[0]!.content;
    expect(card.body).toContainEqual({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: "“March climb” ended on 8 Mar 2025. Winner: A teammate." }] });
    expect(card.actions).toContainEqual({ type: "Action.OpenUrl", title: "See the challenge", url: `${ORIGIN}/t/${team.slug}/challenges/${id}` });
  });

  it("posts a new challenge at once to every taking-part team that wants highlights, each with its own link", async () => {
    const owner = await makeUser({ name: "Olga Owner" });
    const north = await makeTeam(owner.id, { name: "North" });
    const south = await makeTeam(owner.id, { name: "South" });
    const west = await makeTeam(owner.id, { name: "West" });
    await connect(north, "slack", { weeklyEnabled: true, highlightsEnabled: true });
    await connect(south, "teams", { weeklyEnabled: true, highlightsEnabled: true });
    await connect(west, "slack", { weeklyEnabled: true, highlightsEnabled: false }); // takes part, wants no highlights
    const name = "<!channel> *North v South*";
    const id = await createChallenge(
      north.owner,
      { ...base, name, kind: "versus", startsOn: "2025-03-01", endsOn: "2025-03-31", teamIds: [south.id, west.id] },
      { text: `New challenge “${name}”: team against team.`, origin: ORIGIN },
    );
    await drain();
    expect(postsTo(west)).toHaveLength(0);
    const slack = postsTo(north);
    expect(slack).toHaveLength(1);
    expect(slack[0]!.body).not.toContain("<!channel>"); // a manager's words never ping the channel
    expect(texts(slack[0]!.json)).toContain(`${ORIGIN}/t/${north.slug}/challenges/${id}`);
    const teams = postsTo(south);
    expect(teams).toHaveLength(1);
    const card = (teams[0]!.json as { attachments: { content: { body: unknown[]; actions: { title: string; url: string }[] } }[] }).attachments[0]!.content;
    expect(card.body).toContainEqual({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: `New challenge “${name}”: team against team.` }] });
    expect(card.actions).toContainEqual({ type: "Action.OpenUrl", title: "See the challenge", url: `${ORIGIN}/t/${south.slug}/challenges/${id}` });
  });

  it("posts nothing for a new challenge when no team wants highlights, and nothing without an announcement", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    await connect(team, "slack", { weeklyEnabled: true, highlightsEnabled: false });
    await createChallenge(team.owner, { ...base, name: "Quiet one", kind: "improved", startsOn: "2025-03-01", endsOn: "2025-03-31" }, { text: "New challenge", origin: ORIGIN });
    await updateChannelOptions(team.owner, { weeklyEnabled: true, highlightsEnabled: true });
    await createChallenge(team.owner, { ...base, name: "Unannounced", kind: "improved", startsOn: "2025-03-01", endsOn: "2025-03-31" });
    await drain();
    expect(hook().received).toHaveLength(0);
  });
});
