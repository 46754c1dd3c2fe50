// What the weekly digest (and the team's channel) says about challenges: the start, the final stretch and
// the result, each once, whichever week the digest goes out. Pure.
import { addDays, daysBetween } from "@/lib/dates";
import { challengeSummary, formatDay } from "./describe";
import type { ChallengeKind, ChallengeMetric } from "./rules";

export type AnnouncedChallenge = { id: string; name: string; kind: ChallengeKind; metric: ChallengeMetric; target: number | null; startsOn: string; endsOn: string };

export type ChallengeAnnouncement = {
  challengeId: string;
  name: string;
  /** "starting": starts before the next digest; "started": since the last one; "final": ends before the next one. */
  event: "starting" | "started" | "final" | "result";
  text: string;
};

/**
 * The announcements of a digest sent on `sendDay`: digests go out every 7 days, so each window below is
 * [sendDay − 7, sendDay) or [sendDay, sendDay + 7) and every challenge gets each announcement exactly once.
 * A challenge makes one line per digest: its result, else its start ahead, else its final stretch, else that it
 * started. `winners` holds the names at rank 1 of each ended challenge.
 */
export function challengeAnnouncements(challenges: AnnouncedChallenge[], sendDay: string, winners: ReadonlyMap<string, string[]>): ChallengeAnnouncement[] {
  const out: ChallengeAnnouncement[] = [];
  const nextDigest = addDays(sendDay, 7);
  for (const c of challenges) {
    const base = { challengeId: c.id, name: c.name };
    const what = challengeSummary(c);
    if (c.endsOn < sendDay && c.endsOn >= addDays(sendDay, -7)) {
      const w = winners.get(c.id) ?? [];
      const result = w.length === 0 ? "Nobody could be ranked." : `${w.length > 1 ? "Winners" : "Winner"}: ${w.join(", ")}.`;
      out.push({ ...base, event: "result", text: `“${c.name}” ended on ${formatDay(c.endsOn)}. ${result}` });
    } else if (c.startsOn > sendDay && c.startsOn < nextDigest) {
      out.push({ ...base, event: "starting", text: `“${c.name}” starts on ${formatDay(c.startsOn)} and runs to ${formatDay(c.endsOn)}: ${what}.` });
    } else if (c.startsOn <= sendDay && c.endsOn >= sendDay && c.endsOn < nextDigest) {
      const left = daysBetween(sendDay, c.endsOn) + 1;
      out.push({ ...base, event: "final", text: `Final stretch: “${c.name}” ends on ${formatDay(c.endsOn)}, ${left === 1 ? "today" : `${left} days left`}.` });
    } else if (c.startsOn <= sendDay && c.startsOn > addDays(sendDay, -7)) {
      out.push({ ...base, event: "started", text: `“${c.name}” started on ${formatDay(c.startsOn)} and runs to ${formatDay(c.endsOn)}: ${what}.` });
    }
  }
  const order = { result: 0, final: 1, started: 2, starting: 3 };
  return out.sort((a, b) => order[a.event] - order[b.event]);
}
