// Small number and movement formats shared by the Slack and Teams renderers.
import type { WeeklySummary } from "./content";
import { formatScore, signed } from "@/lib/format";

export const num = (v: number) => formatScore(v, 1);
export const move = (c: number | "new" | null) => (c === "new" ? "new" : !c ? "–" : c > 0 ? `▲${c}` : `▼${-c}`);
export const averageLine = (s: WeeklySummary) =>
  s.average === null ? "no fresh scores" : `${num(s.average)}${s.averageChange === null ? "" : ` (${signed(s.averageChange)} on last week)`}`;
export const participationLine = (s: WeeklySummary) => `${s.recorded} of ${s.members} recorded this week`;

/** What every kind of post is rendered to: the JSON body and a one-line summary for the delivery list. */
export type RenderedPost = { summary: string; body: Record<string, unknown> };
