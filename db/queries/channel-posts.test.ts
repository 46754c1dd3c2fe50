// What the team channel receives, against a real local HTTP server standing in for Slack and Teams: the weekly
// summary as Block Kit / an Adaptive Card, hostile names escaped, highlights batched, privacy kept, once only.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { connectStandInChannel, drainToStandIn, setupOutboxWebhook } from "../testing/outbox-sink";
import { users } from "../schema";
import { postDueHighlights, HIGHLIGHT_QUIET_MS } from "./channel-posts";
import { runTeamDigest } from "@/server/digest/run";
import { setGoal } from "./goals";
import { addDays, todayInZone } from "@/lib/dates";
import { withAuthSecret } from "@/lib/testing/auth-secret";

withAuthSecret("channel-posts-secret-channel-posts-secret"); // digest emails carry signed unsubscribe links
const t = setupTestDatabase();
const hook = setupOutboxWebhook(t);

const ORIGIN = "https://ssi.example.test";
const WEEK = { start: "2025-03-03", end: "2025-03-09" };
const drain = () => drainToStandIn(hook());

const connect = (team: Awaited<ReturnType<typeof makeTeam>>, kind: "slack" | "teams", opts = { weeklyEnabled: true, highlightsEnabled: true }) =>
  connectStandInChannel(hook(), team, kind, opts);

/** A team of five with scores in the week and the week before; `names` override the members' names. */
async function weeklyTeam(names: string[] = []) {
  const owner = await makeUser({ name: names[0] ?? "Olive Owner" });
  const team = await makeTeam(owner.id, { name: names[5] ?? "Sales EMEA" });
  const people = [owner];
  for (let i = 1; i < 5; i++) {
    const u = await makeUser({ name: names[i] ?? `Member ${i}` });
    await addMember(team.id, u.id);
    people.push(u);
  }
  const before = [60, 62, 64, 66, 68];
  const now = [61, 70, 63, 75, 69];
  for (const [i, p] of people.entries()) {
    await makeSnapshot(p.id, "2025-02-26", before[i]!);
    if (i < 4) await makeSnapshot(p.id, "2025-03-05", now[i]!);
  }
  return { team, people };
}

const texts = (v: unknown): string[] => (typeof v === "string" ? [v] : Array.isArray(v) ? v.flatMap(texts) : v && typeof v === "object" ? Object.values(v).flatMap(texts) : []);

describe(`team channel posts on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("posts the weekly summary to Slack once, as Block Kit with a plain-text fallback", async () => {
    const { team } = await weeklyTeam();
    await connect(team, "slack", { weeklyEnabled: true, highlightsEnabled: false });
    await runTeamDigest(team.id, WEEK, { origin: ORIGIN });
    await runTeamDigest(team.id, WEEK, { origin: ORIGIN }); // a second trigger: nothing new
    await drain();
    expect(hook().delivered()).toHaveLength(1);
    const body = hook().delivered()[0]!.json as { text: string; blocks: { type: string; text?: { type: string; text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[] };
    expect(body.text).toBe("Sales EMEA: week of 3 Mar – 9 Mar 2025: average 67.4 (+3.4 on last week), 4 of 5 recorded this week. #1 Member 3 (75.0).");
    expect(body.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Sales EMEA: week of 3 Mar – 9 Mar 2025", emoji: false } });
    expect(body.blocks[1]!.fields!.map((f) => f.text)).toEqual(["*Team average*\n67.4 (+3.4 on last week)", "*Participation*\n4 of 5 recorded this week"]);
    const top = body.blocks.find((b) => b.text?.type === "plain_text" && b.text.text.startsWith("1. "));
    expect(top!.text!.text.split("\n")).toEqual(["1. Member 3 — 75.0 ▲1", "2. Member 1 — 70.0 ▲2", "3. Member 4 — 68.0 ▼2", "4. Member 2 — 63.0 ▼1", "5. Olive Owner — 61.0 –"]);
    expect(texts(body).join("\n")).toContain("Biggest movers up");
    expect(texts(body).some((s) => s.startsWith("*Where the team can gain: "))).toBe(true);
    expect(body.blocks.at(-1)!.elements![0]!.text).toBe(`<${ORIGIN}/t/${team.slug}|Open the leaderboard>`);
  });

  it("posts the weekly summary to Teams as an Adaptive Card", async () => {
    const { team } = await weeklyTeam();
    await connect(team, "teams", { weeklyEnabled: true, highlightsEnabled: false });
    await runTeamDigest(team.id, WEEK, { origin: ORIGIN });
    await drain();
    const body = hook().delivered()[0]!.json as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: unknown[]; actions: { url: string }[] } }[] };
    expect(body.type).toBe("message");
    expect(body.attachments[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    const card = body.attachments[0]!.content;
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.4", actions: [{ type: "Action.OpenUrl", url: `${ORIGIN}/t/${team.slug}` }] });
    expect(card.body).toContainEqual({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: "1. " }, { type: "TextRun", text: "Member 3", weight: "Bolder" }, { type: "TextRun", text: " — 75.0 ▲1" }] });
  });

  it("escapes hostile names: nothing pings, formats or is evaluated, in either format", async () => {
    const names = ["<!channel> hi", "*bold* _it_", "<@U024BE7LH>", "{{DATE(2017-02-14T06:00:00Z, SHORT)}}", "[click](https://evil.test)", "<!here> & *team*"];
    for (const kind of ["slack", "teams"] as const) {
      hook().reset();
      const { team } = await weeklyTeam(names);
      await connect(team, kind, { weeklyEnabled: true, highlightsEnabled: false });
      await runTeamDigest(team.id, WEEK, { origin: ORIGIN });
      await drain();
      const raw = hook().delivered()[0]!.body;
      const body = hook().delivered()[0]!.json as Record<string, unknown>;
      if (kind === "slack") {
        // Slack's control sequences (broadcasts, mentions, links) never reach it unescaped.
        for (const bad of ["<!channel>", "<!here>", "<@U024BE7LH>", "<https://evil.test"]) expect(raw, bad).not.toContain(bad);
        expect(raw).toContain("&lt;!channel&gt; hi");
        expect((body as { text: string }).text).toContain("&lt;!here&gt; &amp; ∗team∗");
        // mrkdwn objects never carry a name; names sit in plain_text objects only.
        const mrkdwn = JSON.stringify(body.blocks).match(/"type":"mrkdwn","text":"[^"]*"/g) ?? [];
        for (const m of mrkdwn) expect(m).not.toMatch(/bold|U024BE7LH|evil/);
      } else {
        // Teams: names only ever in TextRuns (shown as typed, never parsed as Markdown).
        const blocks = JSON.stringify(body).match(/"type":"TextBlock","text":"[^"]*"/g) ?? [];
        for (const b of blocks) expect(b).not.toMatch(/bold|channel|evil|DATE/);
        expect(raw).toContain('"text":"*bold* _it_"');
        expect(raw).not.toContain("{{DATE"); // Teams would evaluate it
      }
    }
  });

  it("batches a busy morning's highlights into one post: new #1, personal best past 80, goal reached", async () => {
    const today = todayInZone("UTC");
    const owner = await makeUser({ name: "Ada Leader" });
    const team = await makeTeam(owner.id, { name: "Highlights Team" });
    const bo = await makeUser({ name: "Bo Climber" });
    const cy = await makeUser({ name: "Cy Goal" });
    await addMember(team.id, bo.id);
    await addMember(team.id, cy.id);
    await makeSnapshot(owner.id, addDays(today, -3), 78);
    await makeSnapshot(bo.id, addDays(today, -3), 65);
    await makeSnapshot(cy.id, addDays(today, -3), 50);
    await setGoal(cy.id, { targetTotal: 55, targetDate: addDays(today, 60) });
    await connect(team, "slack");

    await makeSnapshot(bo.id, today, 82); // new #1 and past 80
    await makeSnapshot(cy.id, today, 56); // goal reached
    await makeSnapshot(bo.id, today, 83); // same day again: no second event
    expect(await postDueHighlights(new Date(), { origin: ORIGIN })).toBe(0); // still within the quiet spell
    expect(await postDueHighlights(new Date(Date.now() + HIGHLIGHT_QUIET_MS), { origin: ORIGIN })).toBe(1);
    expect(await postDueHighlights(new Date(Date.now() + 2 * HIGHLIGHT_QUIET_MS), { origin: ORIGIN })).toBe(0);
    await drain();
    expect(hook().delivered()).toHaveLength(1);
    const lines = ((hook().delivered()[0]!.json as { blocks: { text: { text: string } }[] }).blocks[1]!.text.text).split("\n");
    expect(lines).toEqual([
      "• Bo Climber is the new #1, with 82.0.",
      "• Bo Climber passed 80 for the first time: a personal best of 82.0.",
      "• Cy Goal reached their goal of 55.0, with 56.0.",
    ]);
  });

  it("keeps privacy: an opted-out member is “A teammate”, a hidden breakdown never shapes the post", async () => {
    const { team, people } = await weeklyTeam(["Olive Owner", "Private Pat", "Member 2", "Member 3", "Member 4"]);
    const pat = people[1]!;
    // Pat hides their breakdown and scores 0 on insights: were it counted, insights would be the weakest pillar.
    await makeSnapshot(pat.id, "2025-03-06", { brand: 25, people: 25, insights: 0, relationships: 20 });
    await t.db().update(users).set({ nameInChannels: false, hideComponents: true }).where(eq(users.id, pat.id));
    await connect(team, "slack");
    await runTeamDigest(team.id, WEEK, { origin: ORIGIN });
    await drain();
    const raw = hook().delivered()[0]!.body;
    expect(raw).not.toContain("Private Pat");
    expect(raw).toContain("A teammate");
    expect(raw).not.toContain("Engage with insights");
    expect(raw).not.toMatch(/average 0\.0 of 25|25\.0 of 25/);
  });

  it("posts nothing when the channel's weekly summary is switched off", async () => {
    const { team } = await weeklyTeam();
    await connect(team, "slack", { weeklyEnabled: false, highlightsEnabled: false });
    await runTeamDigest(team.id, WEEK, { origin: ORIGIN });
    await drain();
    expect(hook().received).toHaveLength(0);
  });
});
