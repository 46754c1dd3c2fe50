// Microsoft Teams workflow-webhook bodies: a message with one Adaptive Card attachment. Every name goes in a
// RichTextBlock TextRun, which never parses Markdown; TextBlocks (which do) hold only our words and numbers.
import { weekLabel } from "@/lib/format";
import { highlightParts, type ChallengePost, type HighlightsPost, type WeeklySummary } from "./content";
import { teamsRun } from "./escape";
import { averageLine, move, num, participationLine, type RenderedPost } from "./format";

type Inline = { type: "TextRun"; text: string; weight?: "Bolder"; size?: "Medium" | "Large"; isSubtle?: boolean };
const run = (text: string, extra: Omit<Inline, "type" | "text"> = {}): Inline => ({ type: "TextRun", text, ...extra });
const rich = (...inlines: Inline[]) => ({ type: "RichTextBlock", inlines });
const block = (text: string, extra: Record<string, unknown> = {}) => ({ type: "TextBlock", text, wrap: true, ...extra });

function card(body: unknown[], boardUrl: string, more: { title: string; url: string }[] = []) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          actions: [{ type: "Action.OpenUrl", title: "Open the leaderboard", url: boardUrl }, ...more.map((m) => ({ type: "Action.OpenUrl", ...m }))],
          msteams: { width: "Full" },
        },
      },
    ],
  };
}

const stat = (label: string, value: string) => ({ type: "Column", width: "stretch", items: [block(label, { isSubtle: true, spacing: "None" }), block(value, { weight: "Bolder" })] });

export function teamsWeekly(s: WeeklySummary): RenderedPost {
  const body: unknown[] = [
    rich(run(teamsRun(s.team.name), { weight: "Bolder", size: "Large" }), run(`: week of ${weekLabel(s.week)}`, { size: "Large" })),
    { type: "ColumnSet", columns: [stat("Team average", averageLine(s)), stat("Participation", participationLine(s))] },
  ];
  if (s.top.length) {
    body.push(block("**Top 5**", { spacing: "Medium" }));
    for (const r of s.top) body.push(rich(run(`${r.rank}. `), run(teamsRun(r.name), { weight: "Bolder" }), run(` — ${num(r.total)} ${move(r.rankChange)}`)));
  }
  if (s.movers.length) {
    body.push(block("**Biggest movers up**", { spacing: "Medium" }));
    for (const m of s.movers) body.push(rich(run(teamsRun(m.name), { weight: "Bolder" }), run(`: up ${m.places} ${m.places === 1 ? "place" : "places"} (${num(m.total)})`)));
  }
  if (s.weakest) {
    body.push(block(`**Where the team can gain: ${s.weakest.label}** (average ${num(s.weakest.value)} of 25)`, { spacing: "Medium" }));
    body.push(block(s.weakest.advice));
  }
  if (s.challenges.length) {
    // The lines hold challenge names (the manager's words): TextRuns, which never parse Markdown.
    body.push(block("**Challenges**", { spacing: "Medium" }));
    for (const c of s.challenges) body.push(rich(run(teamsRun(c.text))));
  }
  const links = s.challenges.length === 1 ? [{ title: "See the challenge", url: s.challenges[0]!.url }] : [];
  return { summary: `Weekly summary, ${weekLabel(s.week)}`, body: card(body, s.boardUrl, links) };
}

export function teamsHighlights(p: HighlightsPost): RenderedPost {
  const body: unknown[] = [rich(run("Highlights on ", { weight: "Bolder" }), run(teamsRun(p.team.name), { weight: "Bolder" }))];
  for (const i of p.items) {
    const l = highlightParts(i);
    body.push(rich(run(teamsRun(l.name), { weight: "Bolder" }), run(l.rest)));
  }
  return { summary: `${p.items.length} ${p.items.length === 1 ? "highlight" : "highlights"}`, body: card(body, p.boardUrl) };
}

export function teamsChallenge(p: ChallengePost): RenderedPost {
  const body = [rich(run("A challenge on ", { weight: "Bolder" }), run(teamsRun(p.team.name), { weight: "Bolder" })), rich(run(teamsRun(p.note.text)))];
  return { summary: "New challenge", body: card(body, p.boardUrl, [{ title: "See the challenge", url: p.note.url }]) };
}

export function teamsTest(teamName: string, boardUrl: string): RenderedPost {
  return {
    summary: "Test message",
    body: card([rich(run("This channel is connected to "), run(teamsRun(teamName), { weight: "Bolder" }), run(" on SSI Leaderboard: the weekly summary and highlights will be posted here."))], boardUrl),
  };
}
