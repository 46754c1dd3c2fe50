import { redirect } from "next/navigation";
import { Logo } from "@/components/app-shell/logo";
import { BoardPreview } from "@/components/leaderboard/board-preview";
import { ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/lib/authz";

export default async function Home() {
  if (await currentUser()) redirect("/teams");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-6xl items-center justify-between px-4 py-4">
        <Logo />
        <nav aria-label="Account" className="flex gap-2">
          <span className="hidden sm:block">
            <ButtonLink href="/sign-in" variant="ghost">
              Sign in
            </ButtonLink>
          </span>
          <ButtonLink href="/sign-up" className="whitespace-nowrap">
            Get started
          </ButtonLink>
        </nav>
      </header>
      <main
        id="main"
        className="mx-auto grid w-full max-w-6xl flex-1 items-center gap-10 px-4 py-12 lg:grid-cols-2"
      >
        <div className="flex flex-col gap-6">
          <h1 className="max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">
            Your team&apos;s LinkedIn Social Selling Index, ranked.
          </h1>
          <p className="max-w-xl text-lg text-muted">
            Reps record their SSI in seconds, see where they stand among their teammates, and track their
            progress week by week. Managers see trends and know where to coach. Self-hosted: your scores stay
            yours.
          </p>
          <div className="flex flex-wrap gap-3">
            <ButtonLink href="/sign-up">Create your account</ButtonLink>
            <ButtonLink href="/sign-in" variant="secondary">
              Sign in
            </ButtonLink>
          </div>
          <ul className="grid gap-2 text-sm text-muted sm:grid-cols-3">
            <li>
              <strong className="block text-fg">Paste, don&apos;t type</strong>Copy LinkedIn&apos;s SSI page;
              we read the numbers.
            </li>
            <li>
              <strong className="block text-fg">History kept</strong>LinkedIn shows today only; we keep every
              week.
            </li>
            <li>
              <strong className="block text-fg">Coaching</strong>Each rep&apos;s weakest pillar, with what to
              do about it.
            </li>
          </ul>
        </div>
        <BoardPreview />
      </main>
    </div>
  );
}
