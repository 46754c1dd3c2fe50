import Link from "next/link";
import { Menu } from "@/components/ui/menu";

/** Lists the person's teams in the header, to move between them. */
export function TeamSwitcher({ teams }: { teams: { slug: string; name: string }[] }) {
  if (teams.length === 0) return null;
  return (
    <Menu trigger={<span className="whitespace-nowrap text-sm font-medium">Teams<span className="sr-only">: switch team</span> <span aria-hidden className="text-xs text-muted">▾</span></span>} align="left">
      <ul className="flex flex-col">
        {teams.map((t) => (
          <li key={t.slug}>
            <Link href={`/t/${t.slug}`} className="block truncate rounded-md px-3 py-2 text-sm text-fg no-underline hover:bg-raised hover:no-underline">
              {t.name}
            </Link>
          </li>
        ))}
        <li className="mt-1 border-t border-line pt-1">
          <Link href="/teams" className="block rounded-md px-3 py-2 text-sm no-underline hover:bg-raised">All teams</Link>
        </li>
        <li>
          <Link href="/new-team" className="block rounded-md px-3 py-2 text-sm no-underline hover:bg-raised">Create a team</Link>
        </li>
      </ul>
    </Menu>
  );
}
