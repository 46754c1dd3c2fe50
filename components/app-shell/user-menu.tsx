import Link from "next/link";
import { Menu } from "@/components/ui/menu";

function initials(name: string | null, email: string) {
  const source = (name ?? "").trim() || email;
  const parts = source.split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase();
}

/** The signed-in person's menu: who is signed in, and sign-out. */
export function UserMenu({ name, email, signOut }: { name: string | null; email: string; signOut: () => Promise<void> }) {
  return (
    <Menu
      trigger={
        <>
          <span aria-hidden className="grid size-8 place-items-center rounded-full bg-brand-soft text-xs font-bold text-brand">
            {initials(name, email)}
          </span>
          <span className="sr-only">Account menu for </span>
          <span className="sr-only max-w-40 truncate text-sm font-medium sm:not-sr-only">{name ?? email}</span>
          <span aria-hidden className="text-xs text-muted">▾</span>
        </>
      }
    >
      <div className="border-b border-line px-3 py-2">
        <p className="truncate text-sm font-semibold">{name ?? "Your account"}</p>
        <p className="truncate text-xs text-muted">{email}</p>
      </div>
      <nav aria-label="Your pages" className="flex flex-col border-b border-line py-2">
        <Link href="/me" className="rounded-md px-3 py-2 text-sm text-fg no-underline hover:bg-raised hover:no-underline">
          My SSI
        </Link>
        <Link href="/account" className="rounded-md px-3 py-2 text-sm text-fg no-underline hover:bg-raised hover:no-underline">
          Account settings
        </Link>
        <Link href="/mail" className="rounded-md px-3 py-2 text-sm text-fg no-underline hover:bg-raised hover:no-underline">
          Mail
        </Link>
      </nav>
      <form action={signOut} className="pt-2">
        <button type="submit" className="w-full rounded-md px-3 py-2 text-left text-sm hover:bg-raised">
          Sign out
        </button>
      </form>
    </Menu>
  );
}
