import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { percent, signed } from "@/lib/format";
import { Card } from "@/components/ui/card";
import { cachedTeamNow } from "@/db/queries/dashboard";
import { listMyTeams, requireTeamRole, requireUser } from "@/lib/authz";
import { todayInZone } from "@/lib/dates";
import { hasRole } from "@/lib/team-access";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Teams overview" };

/** Side by side: every team the person manages or owns, each measured in its own time zone and weeks. */
export default async function TeamsOverviewPage() {
  await requireUser("/teams/overview");
  const managed = (await listMyTeams()).filter((t) => hasRole(t.role, "manager"));
  if (managed.length === 0) notFound();
  // Every team's headline at once: they do not depend on each other (the order stays the list's).
  const rows = await Promise.all(
    managed.map(async (t) => {
      const { access, team } = await requireTeamRole(t.slug, "manager");
      // The dashboard's cached figure (its headline): shared with the team's dashboard for the same data version.
      const { headline: h } = await cachedTeamNow(team, access, { today: todayInZone(team.timeZone), weekStart: team.weekStart, staleDays: team.staleDays });
      return { slug: team.slug, name: team.name, h };
    }),
  );
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Teams overview</h1>
        <p className="text-sm text-muted">The teams you manage, side by side. Each is measured in its own time zone and weeks.</p>
      </div>
      <Card flush>
        <ScrollRegion label="Teams overview table">
          <table className="w-full text-sm">
            <caption className="sr-only">Average SSI, participation and four-week change per team</caption>
            <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-3">Team</th>
                <th scope="col" className="px-4 py-3 text-right">Average</th>
                <th scope="col" className="px-4 py-3 text-right">Change (4 wk)</th>
                <th scope="col" className="px-4 py-3 text-right">Median</th>
                <th scope="col" className="px-4 py-3 text-right">Submitted this week</th>
                <th scope="col" className="px-4 py-3 text-right">Stale / never</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ slug, name, h }) => (
                <tr key={slug} className="border-b border-line last:border-0" data-testid="overview-row" data-team-name={name}>
                  <th scope="row" className="px-4 py-3 text-left font-medium">
                    <Link href={`/t/${slug}/dashboard`}>{name}</Link>
                    <span className="block text-xs font-normal text-muted">{h.memberCount} members</span>
                  </th>
                  <td className="px-4 py-3 text-right font-semibold tabular-nums">{h.average === null ? "—" : h.average.toFixed(1)}</td>
                  <td className={`px-4 py-3 text-right tabular-nums ${h.averageChange && h.averageChange > 0 ? "text-up" : h.averageChange && h.averageChange < 0 ? "text-down" : ""}`}>
                    {signed(h.averageChange)}
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{h.median === null ? "—" : h.median.toFixed(1)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {percent(h.submittedThisWeek, h.memberCount)}% <span className="text-xs text-muted">({h.submittedThisWeek}/{h.memberCount})</span>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{h.staleCount} / {h.neverCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
    </div>
  );
}
