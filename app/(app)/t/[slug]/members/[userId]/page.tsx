import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MemberHistoryChart, MemberRankChart } from "@/components/dashboard/member-charts";
import { Card } from "@/components/ui/card";
import { getMemberRankHistory } from "@/db/queries/dashboard";
import { listSnapshotsForUser } from "@/db/queries/snapshots";
import { getMember } from "@/db/queries/teams";
import { requireTeamRole } from "@/lib/authz";
import { addDays, todayInZone } from "@/lib/dates";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";
import { parseWeeks } from "@/lib/validation/dashboard";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { WeekRangeLinks } from "@/components/dashboard/week-range-links";

export const metadata: Metadata = { title: "Member" };

const fmt = (n: number | null) => (n === null ? "—" : n.toFixed(2));

export default async function MemberPage({ params, searchParams }: PageProps<"/t/[slug]/members/[userId]">) {
  const { slug, userId } = await params;
  const { access, team } = await requireTeamRole(slug, "manager");
  const member = await getMember(access, userId);
  if (!member) notFound();
  const weeks = parseWeeks((await searchParams).weeks);
  const today = todayInZone(team.timeZone);
  const since = addDays(today, -7 * weeks);
  const [snapshots, ranks] = await Promise.all([
    listSnapshotsForUser(member.userId, { since, limit: 400 }),
    getMemberRankHistory(access, member.userId, { today, weekStart: team.weekStart, staleDays: team.staleDays }, weeks),
  ]);
  const name = member.name ?? member.email;
  const base = `/t/${team.slug}`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm">
            <Link href={`${base}/dashboard`}>← Dashboard</Link>
          </p>
          <h1 className="text-2xl font-bold">{name}</h1>
          <p className="text-sm text-muted">{member.email}</p>
        </div>
        <Link href={`${base}/submit?for=${member.userId}`} className="text-sm">Enter a score for {name}</Link>
      </div>
      <WeekRangeLinks label="Period" current={weeks} href={(n) => `${base}/members/${member.userId}?weeks=${n}`} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <MemberHistoryChart snapshots={snapshots} />
        <MemberRankChart ranks={ranks} />
      </div>
      <Card flush>
        <h2 className="px-4 pt-4 text-base font-semibold sm:px-6">Snapshots since {since}</h2>
        {snapshots.length === 0 ? (
          <p className="px-4 py-6 text-sm text-muted sm:px-6">No scores in this period.</p>
        ) : (
          <ScrollRegion label={`${name}'s snapshots`} className="mt-2">
            <table className="w-full text-sm">
              <caption className="sr-only">{name}&apos;s snapshots, newest first</caption>
              <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-4 py-2 sm:px-6">Date</th>
                  <th scope="col" className="px-4 py-2 text-right">SSI</th>
                  {COMPONENTS.map((c) => (
                    <th key={c} scope="col" className="px-4 py-2 text-right" title={COMPONENT_LABELS[c].linkedIn}>{COMPONENT_LABELS[c].short}</th>
                  ))}
                  <th scope="col" className="px-4 py-2">Entered by</th>
                </tr>
              </thead>
              <tbody>
                {snapshots.map((s) => (
                  <tr key={s.measuredOn} className="border-b border-line last:border-0">
                    <th scope="row" className="whitespace-nowrap px-4 py-2 text-left font-medium tabular-nums sm:px-6">{s.measuredOn}</th>
                    <td className="px-4 py-2 text-right font-semibold tabular-nums">{fmt(s.total)}</td>
                    {COMPONENTS.map((c) => (
                      <td key={c} className="px-4 py-2 text-right tabular-nums">{fmt(s[c])}</td>
                    ))}
                    <td className="px-4 py-2 text-xs text-muted">{s.enteredByName ?? (s.enteredBy ? "a manager" : "themselves")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
    </div>
  );
}
