import type { OutgoingEmail } from "@/db/queries/outbox";
import type { Role } from "@/db/schema";
import { unsubscribeFor } from "@/lib/mail/unsubscribe";
import { buildDigestContent, type DigestInput } from "./content";
import { renderDigest, type RenderedDigest } from "./render";

export type DigestWeek = { start: string; end: string };
export type DigestTeam = { id: string; name: string; slug: string };
export type DigestRecipient = { userId: string; name: string | null; email: string; role: Role; digestEnabled: boolean };
/** What every digest of a team's week draws on: the board at the end of the week and the average a week before. */
export type DigestWeekData = Pick<DigestInput, "board" | "average" | "previousAverage" | "challenges">;

/** One reader's digest of the week, rendered, with the List-Unsubscribe headers of its unsubscribe link. */
export function renderDigestFor(
  team: DigestTeam,
  week: DigestWeek,
  data: DigestWeekData,
  r: DigestRecipient,
  origin: string,
): RenderedDigest & { headers: Record<string, string> } {
  const content = buildDigestContent({
    team: { name: team.name, slug: team.slug },
    week,
    recipient: { userId: r.userId, name: r.name?.trim() || r.email, role: r.role },
    ...data,
  });
  const unsub = unsubscribeFor(origin, r.userId, "digest");
  return { ...renderDigest(content, { origin, unsubscribeUrl: unsub.pageUrl }), headers: unsub.headers };
}

/** One digest email per opted-in reader, ready for the outbox (one per team, week and person). */
export function digestEmails(team: DigestTeam, week: DigestWeek, data: DigestWeekData, recipients: DigestRecipient[], origin: string): OutgoingEmail[] {
  return recipients
    .filter((r) => r.digestEnabled)
    .map((r) => {
      const m = renderDigestFor(team, week, data, r, origin);
      return {
        dedupeKey: `digest:${team.id}:${week.start}:${r.userId}`,
        kind: "digest",
        to: r.email,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: m.headers,
        teamId: team.id,
        userId: r.userId,
      };
    });
}
