import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TvScreen } from "@/components/tv/tv-screen";
import { systemTeamAccess } from "@/lib/team-access";
import { findTeamByTvToken, loadTvBoards, loadTvChallenges } from "@/db/queries/tv";
import { refreshSeconds } from "@/lib/tv";

export const metadata: Metadata = { title: "TV", robots: { index: false } };

/** The secret read-only TV link: no sign-in, no navigation, only the board (components as a teammate sees them). */
export default async function TvLinkPage({ params, searchParams }: PageProps<"/tv/[token]">) {
  const { token } = await params;
  const team = await findTeamByTvToken(token);
  if (!team) notFound();
  // A viewer with no account: a member-level view with no "you" row.
  const access = systemTeamAccess.tvLink(team.id);
  const [{ now, before, renderedAt }, challenges] = await Promise.all([loadTvBoards(access, team), loadTvChallenges(access)]);
  return <TvScreen teamName={team.name} today={now} yesterday={before} renderedAt={renderedAt} refreshSeconds={refreshSeconds((await searchParams).refresh)} challenges={challenges} />;
}
