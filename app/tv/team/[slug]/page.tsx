import type { Metadata } from "next";
import { TvScreen } from "@/components/tv/tv-screen";
import { requireTeamRole } from "@/lib/authz";
import { loadTvBoards, loadTvChallenges } from "@/db/queries/tv";
import { refreshSeconds } from "@/lib/tv";

export const metadata: Metadata = { title: "TV mode" };

/** TV mode opened by a manager from their own session. */
export default async function TeamTvPage({ params, searchParams }: PageProps<"/tv/team/[slug]">) {
  const { slug } = await params;
  const { access, team } = await requireTeamRole(slug, "manager");
  const [{ now, before, renderedAt }, challenges] = await Promise.all([loadTvBoards(access, team), loadTvChallenges(access)]);
  return <TvScreen teamName={team.name} today={now} yesterday={before} renderedAt={renderedAt} refreshSeconds={refreshSeconds((await searchParams).refresh)} challenges={challenges} />;
}
