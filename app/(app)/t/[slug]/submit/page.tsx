import type { Metadata } from "next";
import Link from "next/link";
import { BookmarkletLink } from "@/components/ssi/bookmarklet-link";
import { SnapshotForm } from "@/components/ssi/snapshot-form";
import { Card } from "@/components/ui/card";
import { getSnapshot, listSnapshotsForUser } from "@/db/queries/snapshots";
import { getMember } from "@/db/queries/teams";
import { requireTeamRole } from "@/lib/authz";
import { addDays, isIsoDate, todayInZone } from "@/lib/dates";
import { hasRole } from "@/lib/team-access";
import { notFound } from "next/navigation";
import { saveSnapshotAction } from "./actions";

export const metadata: Metadata = { title: "Record your SSI" };

const asDefaults = (s: Awaited<ReturnType<typeof getSnapshot>>) =>
  s
    ? Object.fromEntries(
        Object.entries(s)
          .filter(([k, v]) => v !== null && !["enteredBy", "enteredByName", "updatedAt"].includes(k))
          .map(([k, v]) => [k, String(v)]),
      )
    : undefined;

export default async function SubmitPage({ params, searchParams }: PageProps<"/t/[slug]/submit">) {
  const { slug } = await params;
  const sp = await searchParams;
  const { access, team } = await requireTeamRole(slug);
  const today = todayInZone(team.timeZone);

  // A manager may enter a score for a member (?for=userId); anyone else asking for that gets a 404.
  const forId = typeof sp.for === "string" ? sp.for : null;
  const member = forId && forId !== access.userId ? (hasRole(access.role, "manager") ? await getMember(access, forId) : null) : null;
  if (forId && forId !== access.userId && !member) notFound();
  const subjectId = member?.userId ?? access.userId;

  const date = typeof sp.date === "string" && isIsoDate(sp.date) ? sp.date : null;
  const existing = date ? await getSnapshot(subjectId, date) : null;
  const recent = await listSnapshotsForUser(subjectId, { since: addDays(today, -90), limit: 90 });
  const who = member ? (member.name ?? member.email) : null;

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{who ? `Enter a score for ${who}` : existing ? "Edit your SSI" : "Record your SSI"}</h1>
        <p className="text-sm text-muted">
          {who
            ? "The snapshot is marked as entered by you, and the change is logged."
            : <>Find your score at <a href="https://www.linkedin.com/sales/ssi" target="_blank" rel="noreferrer">linkedin.com/sales/ssi</a>. LinkedIn updates it daily.</>}
        </p>
      </div>
      <Card>
        <SnapshotForm
          action={saveSnapshotAction.bind(null, team.slug)}
          today={today}
          defaults={asDefaults(existing) ?? (date ? { measuredOn: date } : undefined)}
          hiddenFields={member ? { userId: member.userId } : undefined}
          replacingDates={recent.map((s) => s.measuredOn)}
          submitLabel={who ? `Save score for ${who}` : "Save my SSI"}
        />
      </Card>
      {who ? null : <BookmarkletLink slug={team.slug} teamName={team.name} />}
      <p className="text-sm text-muted">
        <Link href={`/t/${team.slug}`}>Back to the leaderboard</Link>
      </p>
    </div>
  );
}
