// Small number and movement formats shared by the Slack and Teams renderers.
import type { WeeklySummary } from "./content";

export const num = (v: number) => {
  const t = v.toFixed(1);
  return t === "-0.0" ? "0.0" : t;
};
export const signed = (v: number) => (v > 0 ? `+${num(v)}` : num(v));
export const move = (c: number | "new" | null) => (c === "new" ? "new" : !c ? "–" : c > 0 ? `▲${c}` : `▼${-c}`);
export const averageLine = (s: WeeklySummary) =>
  s.average === null ? "no fresh scores" : `${num(s.average)}${s.averageChange === null ? "" : ` (${signed(s.averageChange)} on last week)`}`;
export const participationLine = (s: WeeklySummary) => `${s.recorded} of ${s.members} recorded this week`;

/** What every kind of post is rendered to: the JSON body and a one-line summary for the delivery list. */
export type RenderedPost = { summary: string; body: Record<string, unknown> };
