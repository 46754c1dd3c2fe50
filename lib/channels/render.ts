import type { ChallengePost, HighlightsPost, WeeklySummary } from "./content";
import type { RenderedPost } from "./format";
import { slackChallenge, slackHighlights, slackTest, slackWeekly } from "./slack";
import { teamsChallenge, teamsHighlights, teamsTest, teamsWeekly } from "./teams";
import type { ChannelKind } from "./url";

/** A post in the format of the connected service. */
export const renderWeekly = (kind: ChannelKind, s: WeeklySummary): RenderedPost => (kind === "slack" ? slackWeekly(s) : teamsWeekly(s));
export const renderHighlights = (kind: ChannelKind, p: HighlightsPost): RenderedPost => (kind === "slack" ? slackHighlights(p) : teamsHighlights(p));
export const renderChallenge = (kind: ChannelKind, p: ChallengePost): RenderedPost => (kind === "slack" ? slackChallenge(p) : teamsChallenge(p));
export const renderTest = (kind: ChannelKind, teamName: string, boardUrl: string): RenderedPost =>
  kind === "slack" ? slackTest(teamName, boardUrl) : teamsTest(teamName, boardUrl);
export type { RenderedPost };
