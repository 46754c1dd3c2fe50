"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type Edges = { before: boolean; after: boolean };

/**
 * The team's sections as tabs; the current one is marked for screen readers with aria-current. On a narrow screen
 * the strip scrolls sideways inside itself (never the page): the current tab is scrolled into view, and a "More"
 * button at the edge shows there are further tabs. The buttons only scroll the strip, so they are hidden from
 * assistive technology and the tab order, where every tab is a link of its own anyway.
 */
export function TeamNav({ slug, canManage }: { slug: string; canManage: boolean }) {
  const pathname = usePathname();
  const strip = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState<Edges>({ before: false, after: false });
  const base = `/t/${slug}`;
  const items = [
    { href: base, label: "Leaderboard" },
    { href: `${base}/challenges`, label: "Challenges" },
    { href: `${base}/submit`, label: "Record SSI" },
    { href: `${base}/scores`, label: "My scores" },
    ...(canManage ? [{ href: `${base}/dashboard`, label: "Dashboard" }] : []),
    ...(canManage ? [{ href: `${base}/members`, label: "Members" }] : []),
    ...(canManage ? [{ href: `${base}/digest`, label: "Digest preview" }] : []),
    ...(canManage ? [{ href: `${base}/settings`, label: "Settings" }] : []),
  ];

  useEffect(() => {
    const nav = strip.current;
    if (!nav) return;
    const current = nav.querySelector<HTMLElement>('[aria-current="page"]');
    if (current && current.offsetLeft + current.offsetWidth > nav.clientWidth) nav.scrollLeft = current.offsetLeft - 16;
    const measure = () =>
      setEdges({ before: nav.scrollLeft > 1, after: nav.scrollLeft + nav.clientWidth < nav.scrollWidth - 1 });
    measure();
    nav.addEventListener("scroll", measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(nav);
    return () => {
      nav.removeEventListener("scroll", measure);
      observer.disconnect();
    };
  }, [pathname]);

  const scroll = (direction: 1 | -1) =>
    strip.current?.scrollBy({ left: direction * strip.current.clientWidth * 0.7, behavior: "smooth" });
  const edge = "absolute top-0 bottom-px flex items-center from-canvas from-60% to-transparent text-sm font-medium text-brand";

  return (
    <div className="relative -mx-4">
      <nav ref={strip} aria-label="Team sections" className="overflow-x-auto px-4 [scrollbar-width:none]">
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
      {edges.before ? (
        <button type="button" tabIndex={-1} aria-hidden onClick={() => scroll(-1)} className={`${edge} left-0 bg-linear-to-r pr-6 pl-3`}>
          ‹
        </button>
      ) : null}
      {edges.after ? (
        <button
          type="button"
          tabIndex={-1}
          aria-hidden
          onClick={() => scroll(1)}
          data-testid="tabs-more"
          className={`${edge} right-0 bg-linear-to-l pr-4 pl-8`}
        >
          More ›
        </button>
      ) : null}
    </div>
  );
}
