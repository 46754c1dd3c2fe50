import { AppHeader } from "@/components/app-shell/header";
import { TeamSwitcher } from "@/components/app-shell/team-switcher";
import { listMyTeams, requireUser } from "@/lib/authz";
import { signOutAction } from "@/app/(auth)/actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const teams = await listMyTeams();
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} signOut={signOutAction}>
        <TeamSwitcher teams={teams} />
      </AppHeader>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
