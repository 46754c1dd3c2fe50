import { addDays } from "@/lib/dates";
import { formatScore as num, signed, weekLabel } from "@/lib/format";
import { C, emailLayout, FONT, html, type Html } from "@/lib/mail/html";
import { digestSubject, movementPhrase, type DigestContent, type DigestRow } from "./content";

export type DigestLinks = { origin: string; unsubscribeUrl: string };
export type RenderedDigest = { subject: string; html: string; text: string };

const roleWithArticle = (role: string) => (role === "owner" ? "an owner" : `a ${role}`);
const weekChange = (v: number) => (Math.abs(v) < 0.05 ? "no change this week" : `${signed(v)} this week`);
/** The week after `w`, which has begun when its digest goes out. */
const nextWeek = (w: { start: string; end: string }) => ({ start: addDays(w.end, 1), end: addDays(w.end, 7) });

const rankMove = (c: DigestRow["rankChange"]) =>
  c === "new" ? "new" : c === null || c === 0 ? "–" : c > 0 ? `▲ ${c}` : `▼ ${-c}`;
const moveColor = (c: number | "new" | null) => (typeof c === "number" && c > 0 ? C.up : typeof c === "number" && c < 0 ? C.down : C.muted);

function boardTable(rows: DigestRow[]): Html {
  const th = `padding:6px 8px;font-size:12px;font-weight:600;color:${C.muted};text-align:left;border-bottom:1px solid ${C.line};`;
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-family:${FONT};font-size:14px;">
<tr><th style="${th}width:40px;">#</th><th style="${th}">Name</th><th style="${th}text-align:right;">SSI</th><th style="${th}text-align:right;width:56px;">Week</th></tr>
${rows.map(
  (r) => html`<tr style="${r.isRecipient ? `background:${C.brandSoft};` : ""}"><td style="padding:6px 8px;border-bottom:1px solid ${C.line};font-weight:600;">${r.rank}</td><td style="padding:6px 8px;border-bottom:1px solid ${C.line};${r.isRecipient ? "font-weight:700;" : ""}">${r.name}${r.isRecipient ? " (you)" : ""}</td><td style="padding:6px 8px;border-bottom:1px solid ${C.line};text-align:right;">${num(r.total)}</td><td style="padding:6px 8px;border-bottom:1px solid ${C.line};text-align:right;color:${moveColor(r.rankChange)};">${rankMove(r.rankChange)}</td></tr>
`,
)}</table>`;
}

const h2 = (t: string) => html`<h2 style="margin:24px 0 8px;font-size:16px;line-height:1.3;">${t}</h2>`;
const p = (content: Html | string, muted = false) =>
  html`<p style="margin:0 0 10px;${muted ? `color:${C.muted};font-size:13px;` : ""}">${content}</p>`;

function stat(label: string, value: string, note: string, noteColor: string): Html {
  return html`<td width="33%" valign="top" style="padding:12px;border:1px solid ${C.line};border-radius:6px;font-family:${FONT};"><div style="font-size:12px;color:${C.muted};">${label}</div><div style="font-size:24px;font-weight:700;line-height:1.2;">${value}</div><div style="font-size:12px;color:${noteColor};">${note}</div></td>`;
}

/** The digest as an email: subject, HTML (table layout, inline styles, all text escaped) and a plain-text twin. */
export function renderDigest(d: DigestContent, links: DigestLinks): RenderedDigest {
  const subject = digestSubject(d);
  const submitUrl = `${links.origin}/t/${d.team.slug}/submit`;
  const boardUrl = `${links.origin}/t/${d.team.slug}`;
  const prefsUrl = `${links.origin}/account/notifications`;
  const wl = weekLabel(d.week);
  const me = d.me;

  const headline =
    me.rank !== null
      ? `You're #${me.rank} of ${d.rankedCount} on ${d.team.name}, ${movementPhrase(me.rankChange)}.`
      : me.status === "stale"
        ? `Your latest score (${me.lastMeasuredOn}) is too old to be ranked on ${d.team.name}.`
        : `You have no score on ${d.team.name} yet.`;
  // Two weeks are in play: the one reported on (ended) and the one that has begun. Each is named by its dates.
  const submitted = me.submittedThisWeek
    ? `You recorded your SSI in the week of ${wl} (${me.lastMeasuredOn}).`
    : `You did not record your SSI in the week of ${wl}.`;
  const recordLabel = `Record your SSI for ${weekLabel(nextWeek(d.week))}`;
  const avgNote = d.averageChange === null ? "" : `${signed(d.averageChange)} on last week`;
  const improver = d.topImprover
    ? `${d.topImprover.isRecipient ? "You" : d.topImprover.name} gained the most this week: ${signed(d.topImprover.change)} SSI.`
    : null;

  const body = html`<p style="margin:0 0 4px;font-size:13px;color:${C.muted};">${d.team.name} · week of ${wl}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;">${headline}</h1>
<table role="presentation" width="100%" cellpadding="0" cellspacing="6" border="0" style="margin:0 -6px 8px;"><tr>
${stat("Your rank", me.rank !== null ? `#${me.rank}` : "–", me.rank !== null ? movementPhrase(me.rankChange).replace(" this week", "") : me.status === "stale" ? "score too old" : "not ranked", moveColor(me.rankChange))}
${stat("Your SSI", me.total !== null ? num(me.total) : "–", me.totalChange !== null ? weekChange(me.totalChange) : "no earlier score", moveColor(me.totalChange))}
${stat("Team average", d.average !== null ? num(d.average) : "–", avgNote || "–", moveColor(d.averageChange))}
</tr></table>
${p(html`${submitted} <a href="${submitUrl}" style="color:${C.brand};font-weight:600;">${recordLabel}</a>`)}
${me.weakest ? html`${h2("Where to gain points")}${p(html`Your weakest component is <strong>${me.weakest.label}</strong> (${num(me.weakest.value, 2)} of 25). ${me.weakest.advice}`)}` : null}
${h2("Top 5")}
${d.top.length ? boardTable(d.top) : p("Nobody is ranked yet: the board fills up as people record their SSI.", true)}
${d.around.length ? html`${h2("Around you")}${boardTable(d.around)}` : null}
${improver ? p(html`<br>${improver}`) : null}
${d.challenges.length ? html`${h2("Challenges")}${d.challenges.map((c) => p(html`${c.text} <a href="${boardUrl}/challenges/${c.challengeId}" style="color:${C.brand};">See the standings</a>`))}` : null}
${d.manager ? managerSection(d) : null}
<p style="margin:20px 0 0;"><a href="${boardUrl}" style="color:${C.brand};font-weight:600;">Open the full leaderboard</a></p>`;

  const footer = html`You get this weekly digest as ${roleWithArticle(d.recipient.role)} of ${d.team.name}. <a href="${links.unsubscribeUrl}" style="color:${C.muted};">Unsubscribe</a> · <a href="${prefsUrl}" style="color:${C.muted};">Email preferences</a>`;

  return {
    subject,
    html: emailLayout({ title: subject, preheader: headline, body, footer }),
    text: renderText(d, { headline, submitted, recordLabel, improver, wl, submitUrl, boardUrl, prefsUrl, unsubscribeUrl: links.unsubscribeUrl }),
  };
}

function managerSection(d: DigestContent): Html {
  const m = d.manager!;
  return html`${h2("For managers")}
${p(html`<strong>${m.submitted} of ${m.members}</strong> members recorded their SSI in the week of ${weekLabel(d.week)}.`)}
${m.teamWeakest ? p(html`The team's weakest component is <strong>${m.teamWeakest.label}</strong> (average ${num(m.teamWeakest.value, 2)}). ${m.teamWeakest.advice}`) : null}
${m.stale.length ? p(html`Not ranked (no recent score): ${m.stale.map((s, i) => html`${i ? ", " : ""}${s.name}${s.lastMeasuredOn ? ` (last ${s.lastMeasuredOn})` : " (never)"}`)}`) : p("Everyone on the team has a recent score.", true)}`;
}

function textBoard(rows: DigestRow[]): string[] {
  return rows.map((r) => `  ${String(r.rank).padStart(3)}. ${r.name}${r.isRecipient ? " (you)" : ""} — ${num(r.total)} (${rankMove(r.rankChange).replace("▲", "up").replace("▼", "down")})`);
}

function renderText(
  d: DigestContent,
  t: { headline: string; submitted: string; recordLabel: string; improver: string | null; wl: string; submitUrl: string; boardUrl: string; prefsUrl: string; unsubscribeUrl: string },
): string {
  const me = d.me;
  const lines = [`${d.team.name} · week of ${t.wl}`, "", t.headline, ""];
  lines.push(`Your rank: ${me.rank !== null ? `#${me.rank} (${movementPhrase(me.rankChange)})` : "not ranked"}`);
  lines.push(`Your SSI: ${me.total !== null ? num(me.total) : "–"}${me.totalChange !== null ? ` (${weekChange(me.totalChange)})` : ""}`);
  lines.push(`Team average: ${d.average !== null ? num(d.average) : "–"}${d.averageChange !== null ? ` (${signed(d.averageChange)} on last week)` : ""}`);
  lines.push("", t.submitted, `${t.recordLabel}: ${t.submitUrl}`);
  if (me.weakest) {
    lines.push("", "WHERE TO GAIN POINTS", `Your weakest component is ${me.weakest.label} (${num(me.weakest.value, 2)} of 25). ${me.weakest.advice}`);
  }
  lines.push("", "TOP 5", ...(d.top.length ? textBoard(d.top) : ["  Nobody is ranked yet."]));
  if (d.around.length) lines.push("", "AROUND YOU", ...textBoard(d.around));
  if (t.improver) lines.push("", t.improver);
  if (d.challenges.length) lines.push("", "CHALLENGES", ...d.challenges.map((c) => `${c.text} ${t.boardUrl}/challenges/${c.challengeId}`));
  if (d.manager) {
    const m = d.manager;
    lines.push("", "FOR MANAGERS", `${m.submitted} of ${m.members} members recorded their SSI in the week of ${t.wl}.`);
    if (m.teamWeakest) lines.push(`The team's weakest component is ${m.teamWeakest.label} (average ${num(m.teamWeakest.value, 2)}). ${m.teamWeakest.advice}`);
    lines.push(
      m.stale.length
        ? `Not ranked (no recent score): ${m.stale.map((s) => `${s.name}${s.lastMeasuredOn ? ` (last ${s.lastMeasuredOn})` : " (never)"}`).join(", ")}`
        : "Everyone on the team has a recent score.",
    );
  }
  lines.push("", `Full leaderboard: ${t.boardUrl}`, "", "--", `You get this weekly digest as ${roleWithArticle(d.recipient.role)} of ${d.team.name}.`);
  lines.push(`Unsubscribe: ${t.unsubscribeUrl}`, `Email preferences: ${t.prefsUrl}`);
  return lines.join("\n");
}
