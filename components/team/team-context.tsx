"use client";

import { usePathname } from "next/navigation";

/**
 * The team's name and time zone above its sections, so every page says which team it is about. Not on the
 * leaderboard, whose heading is the team's name already.
 */
export function TeamContext({ slug, name, timeZone }: { slug: string; name: string; timeZone: string }) {
  if (usePathname() === `/t/${slug}`) return null;
  return (
    <p className="text-sm text-muted wrap-anywhere" data-testid="team-context">
      {name} · {timeZone.replaceAll("_", " ")}
    </p>
  );
}
