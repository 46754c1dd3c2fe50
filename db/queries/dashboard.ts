/**
 * The team dashboard's queries, one module per view: the weekly trend (dashboard-trend.ts), the team now
 * and its headline (dashboard-now.ts) and one member's rank history (dashboard-member-history.ts), sharing
 * their SQL building blocks (dashboard-sql.ts). Pages import from here.
 */
export type { TeamCalendar } from "./dashboard-sql";
export { getTeamTrend, type WeekPoint } from "./dashboard-trend";
export { cachedTeamNow, getTeamHeadline, getTeamNow, type MemberNow, type TeamHeadline, type TeamNow } from "./dashboard-now";
export { getMemberRankHistory, type RankPoint } from "./dashboard-member-history";
