import { ChallengeStrip } from "@/components/challenges/challenge-strip";
import { getChallengeCards } from "@/db/queries/challenge-cards";
import type { TeamAccess } from "@/lib/team-access";

/** The board's strip of running challenges (nothing when none is running). */
export async function RunningChallengesStrip({ access, slug }: { access: TeamAccess; slug: string }) {
  const { running } = await getChallengeCards(access, { only: "running" });
  return <ChallengeStrip slug={slug} cards={running} />;
}
