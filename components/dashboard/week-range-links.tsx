import Link from "next/link";
import { DASHBOARD_RANGES } from "@/lib/validation/dashboard";

/** "Show 4 weeks · 12 weeks · …": links to the same page over each range, the current one marked. */
export function WeekRangeLinks({ label, current, href }: { label: string; current: number; href: (weeks: number) => string }) {
  return (
    <nav aria-label={label} className="flex items-center gap-1 text-sm">
      <span className="mr-2 text-muted">Show</span>
      {DASHBOARD_RANGES.map((n) => (
        <Link
          key={n}
          href={href(n)}
          aria-current={n === current ? "page" : undefined}
          className={`whitespace-nowrap rounded-md border px-3 py-1.5 no-underline hover:no-underline ${n === current ? "border-brand bg-brand-soft font-semibold text-fg" : "border-line text-muted hover:text-fg"}`}
        >
          {n} weeks
        </Link>
      ))}
    </nav>
  );
}
