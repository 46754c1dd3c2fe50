import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { DeleteTeamForm, LeaveTeamForm } from "@/components/team/danger-forms";
import { TeamForm } from "@/components/team/team-form";
import { requireTeamRole } from "@/lib/authz";
import { TvLinkForm } from "@/components/team/tv-link-form";
import { hasTvLink } from "@/db/queries/tv";
import { ButtonLink } from "@/components/ui/button";
import { createTvLinkAction, deleteTeamAction, leaveTeamAction, revokeTvLinkAction, updateTeamAction } from "./actions";

export const metadata: Metadata = { title: "Team settings" };

/** Managers and owners only: a member gets the same 404 as an outsider (docs/SECURITY.md). */
export default async function SettingsPage({ params }: PageProps<"/t/[slug]/settings">) {
  const { slug } = await params;
  const { team, role, access } = await requireTeamRole(slug, "manager");
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-bold">Team settings</h1>
      <Card>
        <TeamForm action={updateTeamAction.bind(null, team.slug)} defaults={team} submitLabel="Save settings" />
      </Card>
      <Card aria-labelledby="channel-heading">
        <h2 id="channel-heading" className="mb-1 text-lg font-semibold">Slack or Microsoft Teams</h2>
        <p className="mb-4 text-sm text-muted">Post the weekly summary and highlights (a new #1, personal bests, goals reached) to the team&apos;s channel.</p>
        <ButtonLink href={`/t/${team.slug}/settings/channel`} variant="secondary">Channel settings</ButtonLink>
      </Card>
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
