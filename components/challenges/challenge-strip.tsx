import Link from "next/link";
import type { ChallengeCardData } from "@/lib/challenges/cards";

/** The running challenges as a strip of cards above the team's board. */
export function ChallengeStrip({ slug, cards, linkAll = true }: { slug: string; cards: ChallengeCardData[]; linkAll?: boolean }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="running-challenges" className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="running-challenges" className="text-sm font-semibold uppercase tracking-wide text-muted">
          Running challenges
        </h2>
        {linkAll ? (
          <Link href={`/t/${slug}/challenges`} className="text-sm">
            All challenges
          </Link>
        ) : null}
      </div>
      <ul className="-mx-4 flex snap-x gap-3 overflow-x-auto px-4 pb-1">
        {cards.map((c) => (
          <li key={c.id} className="w-72 shrink-0 snap-start" data-testid="challenge-card" data-challenge-name={c.name}>
            <Link
              href={`/t/${slug}/challenges/${c.id}`}
              className="flex h-full flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-fg no-underline shadow-sm hover:border-brand hover:no-underline"
            >
              <span className="flex items-start justify-between gap-2">
                <span className="font-semibold wrap-anywhere">{c.name}</span>
                <span className="shrink-0 rounded-full bg-brand-soft px-2 py-0.5 text-xs font-semibold text-brand-strong">{c.timeLeft}</span>
              </span>
              <span className="text-xs text-muted">{c.summary}</span>
              <span className="mt-1 text-sm">
                {c.leaders.length ? (
                  <>
                    <span className="text-muted">Leading: </span>
                    <span className="font-medium">{c.leaders.slice(0, 2).join(", ")}{c.leaders.length > 2 ? ` +${c.leaders.length - 2}` : ""}</span>
                    {c.leaderResult ? <span className="tabular-nums font-semibold"> {c.leaderResult}</span> : null}
                  </>
                ) : (
                  <span className="text-muted">Nobody ranked yet</span>
                )}
              </span>
              {c.you.takesPart ? (
                <span className="text-xs text-muted" data-testid="challenge-you">
                  {c.you.rank !== null ? `${c.you.ofTeam ? "Your team" : "You"}: #${c.you.rank}` : c.you.ofTeam ? "Your team is not ranked yet" : "You: no starting score"}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
