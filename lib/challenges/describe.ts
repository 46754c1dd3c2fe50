// Words for challenges, shared by the pages, the TV screen and the digest.
import { addDays } from "@/lib/dates";
import { formatDate, signed } from "@/lib/format";
import { COMPONENT_LABELS } from "@/lib/ssi";
import { challengePhase, daysLeft, FINAL_AFTER_DAYS, type ChallengeKind, type ChallengeMetric } from "./rules";

export const KIND_LABELS: Record<ChallengeKind, string> = {
  improved: "Most improved",
  race: "Race to a target",
  versus: "Team against team",
};

export const metricLabel = (m: ChallengeMetric) => (m === "total" ? "total SSI" : COMPONENT_LABELS[m].linkedIn);

type Described = { kind: ChallengeKind; metric: ChallengeMetric; target: number | null; startsOn: string; endsOn: string };

/** "Most improved · total SSI", "Race to 70 · Build relationships". */
export function challengeSummary(c: Described): string {
  return c.kind === "race" ? `Race to ${c.target} · ${metricLabel(c.metric)}` : `${KIND_LABELS[c.kind]} · ${metricLabel(c.metric)}`;
}

/** "Starts in 3 days", "5 days left", "Last day", "Ended 31 Mar 2025". */
export function timeLeftLabel(c: Pick<Described, "startsOn" | "endsOn">, today: string): string {
  const phase = challengePhase(c, today);
  if (phase === "upcoming") {
    const n = daysLeft({ endsOn: c.startsOn }, today) - 1;
    return n === 1 ? "Starts tomorrow" : `Starts in ${n} days`;
  }
  if (phase === "ended") return `Ended ${formatDay(c.endsOn)}`;
  const n = daysLeft(c, today);
  return n === 1 ? "Last day" : `${n} days left`;
}

export const formatDay = formatDate;

/** The rules in one short paragraph, as written on the challenge's page. */
export function rulesParagraph(c: Described, staleDays: number): string {
  const what = metricLabel(c.metric);
  const dates = `from ${formatDay(c.startsOn)} to ${formatDay(c.endsOn)} (the team's time zone); scores dated after the end do not count, and the result is final ${FINAL_AFTER_DAYS} days after the end (${formatDay(addDays(c.endsOn, FINAL_AFTER_DAYS))}), whatever is recorded later`;
  const baseline = `Everyone's starting score is their latest ${what} on or before the start, if it is at most ${staleDays} days older than the start; someone who joins the team during the challenge without one starts from their first score after the start. Without one, a participant is listed as "no starting score", never left out`;
  if (c.kind === "race") {
    return `The first to record a ${what} of ${c.target} or more wins. Only scores ${dates}. Those who reached the target are ranked by the date they reached it; everyone else by how far their latest score is from it. People with no score in the ${staleDays} days before the start or since are listed, not ranked.`;
  }
  const measure = `Improvement is a participant's latest ${what} minus their starting score, so a rep at 40 who climbs 8 points ranks above a rep at 85 who climbs 1`;
  if (c.kind === "versus") {
    return `${measure}. Each team scores the average improvement of its members who have a starting score. Counts ${dates}. ${baseline}, and not counted in their team's average. Equal averages share a place.`;
  }
  return `${measure}. Counts ${dates}. ${baseline}. Equal improvements share a rank.`;
}

/** "+8.00", "−1.25", "0.00". */
export const formatImprovement = (v: number | null): string => signed(v, 2);

export const formatValue = (v: number | null | undefined, metric: ChallengeMetric) =>
  v === null || v === undefined ? "—" : v.toFixed(metric === "total" ? 1 : 2);
