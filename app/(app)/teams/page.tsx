import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listTeamsForUser } from "@/db/queries/teams";
import { requireUser } from "@/lib/authz";

export const metadata: Metadata = { title: "Your teams" };

const ROLE_LABEL = { owner: "Owner", manager: "Manager", member: "Member" } as const;

export default async function TeamsPage() {
  const user = await requireUser("/teams");
  // With member counts: the one page that shows them (the header's list does not count).
  const teams = await listTeamsForUser(user.id);
  const firstName = (user.name ?? "").split(" ")[0] || "there";
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Welcome, {firstName}</h1>
          <p className="text-sm text-muted">Your teams and where you stand in each.</p>
        </div>
        <ButtonLink href="/new-team" variant={teams.length ? "secondary" : "primary"}>
          Create a team
        </ButtonLink>
      </div>
      {teams.length === 0 ? (
        <Card className="flex flex-col items-center gap-3 py-12 text-center">
          <span aria-hidden className="text-4xl">🏁</span>
          <h2 className="text-lg font-semibold">You&apos;re not in a team yet</h2>
          <p className="max-w-md text-sm text-muted">
            Open the invitation link your manager sent you to join your team&apos;s leaderboard, or create a team and
            invite your colleagues.
          </p>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your teams">
          {teams.map((t) => (
            <li key={t.slug}>
              <Link
                href={`/t/${t.slug}`}
                className="flex h-full flex-col gap-1 rounded-lg border border-line bg-surface p-5 text-fg no-underline shadow-sm hover:border-brand hover:no-underline"
              >
                <span className="text-lg font-semibold">{t.name}</span>
                <span className="text-sm text-muted">
                  {ROLE_LABEL[t.role]} · {t.memberCount} {t.memberCount === 1 ? "member" : "members"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
