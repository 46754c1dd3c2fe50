// Slack incoming-webhook bodies: Block Kit blocks plus a plain-text `text` fallback (notifications, old clients).
// Every name is in a plain_text object (no formatting is parsed there); the fallback is mrkdwn, so names in it
// are defused with slackMrkdwn. Numbers and our own words are the only mrkdwn content.
import { weekLabel } from "@/lib/format";
import { highlightParts, type ChallengePost, type HighlightsPost, type WeeklySummary } from "./content";
import { slackEntities, slackMrkdwn, slackPlain } from "./escape";
import { averageLine, move, num, participationLine, type RenderedPost } from "./format";

const plain = (text: string) => ({ type: "plain_text", text: text.slice(0, 3000), emoji: false });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const section = (text: ReturnType<typeof plain | typeof mrkdwn>) => ({ type: "section", text });
const link = (url: string, label: string) => `<${slackEntities(url).replace(/\|/g, "%7C")}|${label}>`;

export function slackWeekly(s: WeeklySummary): RenderedPost {
  const title = `${s.team.name}: week of ${weekLabel(s.week)}`;
  const blocks: unknown[] = [
    { type: "header", text: plain(slackPlain(title).slice(0, 150)) },
    { type: "section", fields: [mrkdwn(`*Team average*\n${averageLine(s)}`), mrkdwn(`*Participation*\n${participationLine(s)}`)] },
  ];
  if (s.top.length) {
    blocks.push(section(mrkdwn("*Top 5*")));
    blocks.push(section(plain(s.top.map((r) => `${r.rank}. ${slackPlain(r.name)} — ${num(r.total)} ${move(r.rankChange)}`).join("\n"))));
  }
  if (s.movers.length) {
    blocks.push(section(mrkdwn("*Biggest movers up*")));
    blocks.push(section(plain(s.movers.map((m) => `${slackPlain(m.name)}: up ${m.places} ${m.places === 1 ? "place" : "places"} (${num(m.total)})`).join("\n"))));
  }
  if (s.weakest) {
    blocks.push(section(mrkdwn(`*Where the team can gain: ${s.weakest.label}* (average ${num(s.weakest.value)} of 25)\n${s.weakest.advice}`)));
  }
  if (s.challenges.length) {
    // A challenge's name (in its line) is the manager's words: plain text, with its page linked beside it.
    blocks.push(section(mrkdwn("*Challenges*")));
    for (const c of s.challenges) blocks.push(challengeLine(c));
  }
  blocks.push({ type: "context", elements: [mrkdwn(link(s.boardUrl, "Open the leaderboard"))] });
  const leader = s.top[0] ? ` #1 ${slackMrkdwn(s.top[0].name)} (${num(s.top[0].total)}).` : "";
  const text = `${slackMrkdwn(title)}: average ${averageLine(s)}, ${participationLine(s)}.${leader}`;
  return { summary: `Weekly summary, ${weekLabel(s.week)}`, body: { text, blocks } };
}

export function slackHighlights(p: HighlightsPost): RenderedPost {
  const lines = p.items.map((i) => highlightParts(i));
  const blocks: unknown[] = [
    section(mrkdwn(`*Highlights on ${slackMrkdwn(p.team.name)}*`)),
    section(plain(lines.map((l) => `• ${slackPlain(l.name)}${l.rest}`).join("\n"))),
    { type: "context", elements: [mrkdwn(link(p.boardUrl, "Open the leaderboard"))] },
  ];
  const text = `${slackMrkdwn(p.team.name)}: ${lines.map((l) => `${slackMrkdwn(l.name)}${l.rest}`).join(" ")}`;
  return { summary: `${p.items.length} ${p.items.length === 1 ? "highlight" : "highlights"}`, body: { text, blocks } };
}

function challengeLine(c: ChallengePost["note"]) {
  return { type: "section", text: plain(slackPlain(c.text)), accessory: { type: "button", text: plain("See the standings"), url: c.url } };
}

export function slackChallenge(p: ChallengePost): RenderedPost {
  const blocks: unknown[] = [
    section(mrkdwn(`*A challenge on ${slackMrkdwn(p.team.name)}*`)),
    challengeLine(p.note),
    { type: "context", elements: [mrkdwn(link(p.boardUrl, "Open the leaderboard"))] },
  ];
  return { summary: "New challenge", body: { text: `${slackMrkdwn(p.team.name)}: ${slackMrkdwn(p.note.text)}`, blocks } };
}

export function slackTest(teamName: string, boardUrl: string): RenderedPost {
  const line = `This channel is connected to ${teamName} on SSI Leaderboard: the weekly summary and highlights will be posted here.`;
  return {
    summary: "Test message",
    body: { text: slackMrkdwn(line), blocks: [section(plain(slackPlain(line))), { type: "context", elements: [mrkdwn(link(boardUrl, "Open the leaderboard"))] }] },
  };
}
