import type { ReactNode } from "react";
import { Logo } from "./logo";
import { UserMenu } from "./user-menu";

export function AppHeader({ user, signOut, children }: { user: { name: string | null; email: string }; signOut: () => Promise<void>; children?: ReactNode }) {
  return (
    <header className="sticky top-0 z-10 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
        <Logo href="/teams" />
        <div className="flex min-w-0 flex-1 items-center gap-2">{children}</div>
        <UserMenu name={user.name} email={user.email} signOut={signOut} />
      </div>
    </header>
  );
}
