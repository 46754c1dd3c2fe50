import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { DeleteTeamForm, LeaveTeamForm } from "@/components/team/danger-forms";
import { TeamForm } from "@/components/team/team-form";
import { requireTeamRole } from "@/lib/authz";
import { hasRole } from "@/lib/team-access";
import { TvLinkForm } from "@/components/team/tv-link-form";
import { hasTvLink } from "@/db/queries/tv";
import { ButtonLink } from "@/components/ui/button";
import { createTvLinkAction, deleteTeamAction, leaveTeamAction, revokeTvLinkAction, updateTeamAction } from "./actions";

export const metadata: Metadata = { title: "Team settings" };

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export default async function SettingsPage({ params }: PageProps<"/t/[slug]/settings">) {
  const { slug } = await params;
  const { team, role, access } = await requireTeamRole(slug);
  const canManage = hasRole(role, "manager");
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{canManage ? "Team settings" : team.name}</h1>
      {canManage ? (
        <Card>
          <TeamForm action={updateTeamAction.bind(null, team.slug)} defaults={team} submitLabel="Save settings" />
        </Card>
      ) : (
        <Card>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div><dt className="text-muted">Time zone</dt><dd className="font-medium">{team.timeZone}</dd></div>
            <div><dt className="text-muted">Week starts on</dt><dd className="font-medium">{DAYS[team.weekStart - 1]}</dd></div>
            <div><dt className="text-muted">Scores count as stale after</dt><dd className="font-medium">{team.staleDays} days</dd></div>
            <div><dt className="text-muted">Weekly digest</dt><dd className="font-medium">{DAYS[team.digestDay - 1]} at {String(team.digestHour).padStart(2, "0")}:00</dd></div>
          </dl>
        </Card>
      )}
      {canManage ? (
        <Card aria-labelledby="channel-heading">
          <h2 id="channel-heading" className="mb-1 text-lg font-semibold">Slack or Microsoft Teams</h2>
          <p className="mb-4 text-sm text-muted">Post the weekly summary and highlights (a new #1, personal bests, goals reached) to the team&apos;s channel.</p>
          <ButtonLink href={`/t/${team.slug}/settings/channel`} variant="secondary">Channel settings</ButtonLink>
        </Card>
      ) : null}
      {canManage ? (
        <Card aria-labelledby="tv-heading">
          <h2 id="tv-heading" className="mb-1 text-lg font-semibold">TV mode</h2>
          <p className="mb-4 text-sm text-muted">A full-screen board for an office screen: large type, refreshes every minute.</p>
          <TvLinkForm
            slug={team.slug}
            hasLink={await hasTvLink(access)}
            create={createTvLinkAction.bind(null, team.slug)}
            revoke={revokeTvLinkAction.bind(null, team.slug)}
          />
        </Card>
      ) : null}
      <Card aria-labelledby="leave-heading">
        <h2 id="leave-heading" className="mb-1 text-lg font-semibold">Leave this team</h2>
        <p className="mb-4 text-sm text-muted">Your scores stay yours and remain visible to your other teams.</p>
        <LeaveTeamForm action={leaveTeamAction.bind(null, team.slug)} teamName={team.name} />
      </Card>
      {role === "owner" ? (
        <Card aria-labelledby="delete-heading" className="border-danger/40">
          <h2 id="delete-heading" className="mb-1 text-lg font-semibold text-danger">Delete this team</h2>
          <p className="mb-4 text-sm text-muted">
            Removes the team, its memberships, invitations and history. People keep their own scores. This cannot be undone.
          </p>
          <DeleteTeamForm action={deleteTeamAction.bind(null, team.slug)} teamName={team.name} />
        </Card>
      ) : null}
    </div>
  );
}
