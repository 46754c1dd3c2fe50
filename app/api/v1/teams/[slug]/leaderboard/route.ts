import { getTeamLeaderboard } from "@/db/queries/leaderboard";
import { answerOutage, apiError, apiTeamAccess, authenticateRequest } from "@/server/api";
import { todayInZone } from "@/lib/dates";
import { RANK_BY, type RankBy } from "@/lib/ranking";
import { isIsoDate } from "@/lib/dates";

export const dynamic = "force-dynamic";

/** A team's leaderboard, with the same authorization and privacy as the page: 404 for anyone not in the team. */
export const GET = answerOutage(async function GET(request: Request, ctx: { params: Promise<{ slug: string }> }) {
  const auth = await authenticateRequest(request);
  if ("response" in auth) return auth.response;
  const { slug } = await ctx.params;
  const granted = await apiTeamAccess(auth.caller, slug);
  if (!granted) return apiError(404, "not_found", "No team with that slug, or you are not a member of it.");
  const { team, access } = granted;
  const today = todayInZone(team.timeZone);
  const sp = new URL(request.url).searchParams;
  const asOf = sp.get("asOf") ?? today;
  const by = (sp.get("by") ?? "total") as RankBy;
  const fields: Record<string, string[]> = {};
  if (!isIsoDate(asOf) || asOf < "2014-01-01" || asOf > today) fields.asOf = [`asOf must be a date from 2014-01-01 to ${today} (today in the team's time zone).`];
  if (!RANK_BY.includes(by)) fields.by = [`by must be one of ${RANK_BY.join(", ")}.`];
  if (Object.keys(fields).length) return apiError(400, "bad_request", "Invalid query parameters.", { fields });
  const board = await getTeamLeaderboard(access, { asOf, by, staleDays: team.staleDays, version: team.dataVersion });
  return Response.json(
    {
      team: { name: team.name, slug: team.slug, timeZone: team.timeZone, staleDays: team.staleDays },
      asOf,
      by,
      ...board,
      entries: board.entries.map(({ isViewer, ...e }) => ({ ...e, isYou: isViewer })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
