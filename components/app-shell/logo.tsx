import Link from "next/link";

export function Logo({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 font-bold text-fg no-underline hover:no-underline">
      <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand text-sm font-black text-on-brand">
        SSI
      </span>
      <span className="whitespace-nowrap text-base">SSI Leaderboard</span>
    </Link>
  );
}
