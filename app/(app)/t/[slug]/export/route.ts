import { exportTeamSnapshots } from "@/db/queries/csv-export";
import { requireTeamRole } from "@/lib/authz";
import { csvResponse } from "@/lib/csv-response";
import { todayInZone } from "@/lib/dates";
import { SSI_FIRST_DATE } from "@/lib/validation/snapshot";
import { parseDateParam } from "@/lib/validation/dashboard";

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD: the team members' snapshots in that range as CSV (managers and owners). */
export async function GET(request: Request, ctx: RouteContext<"/t/[slug]/export">) {
  const { slug } = await ctx.params;
  const { access, team } = await requireTeamRole(slug, "manager");
  const url = new URL(request.url);
  const today = todayInZone(team.timeZone);
  const from = parseDateParam(url.searchParams.get("from"), SSI_FIRST_DATE);
  const to = parseDateParam(url.searchParams.get("to"), today);
  if (from > to) return Response.json({ error: "`from` must be on or before `to`." }, { status: 400 });
  return csvResponse(exportTeamSnapshots(access, { from, to }), `${team.slug}-ssi-${from}-to-${to}.csv`);
}
