"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The team's sections as tabs; the current one is marked for screen readers with aria-current. */
export function TeamNav({ slug, canManage }: { slug: string; canManage: boolean }) {
  const pathname = usePathname();
  const base = `/t/${slug}`;
  const items = [
    { href: base, label: "Leaderboard" },
    { href: `${base}/submit`, label: "Record SSI" },
    { href: `${base}/scores`, label: "My scores" },
    ...(canManage ? [{ href: `${base}/dashboard`, label: "Dashboard" }] : []),
    ...(canManage ? [{ href: `${base}/members`, label: "Members" }] : []),
    ...(canManage ? [{ href: `${base}/digest`, label: "Digest preview" }] : []),
    { href: `${base}/settings`, label: canManage ? "Settings" : "Team" },
  ];
  return (
    <nav aria-label="Team sections" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex min-w-max gap-1 border-b border-line">
        {items.map((item) => {
          const current = item.href === base ? pathname === base : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium no-underline hover:no-underline ${
                  current ? "border-brand text-fg" : "border-transparent text-muted hover:text-fg"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
