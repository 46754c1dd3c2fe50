import { Logo } from "@/components/app-shell/logo";
import { connection } from "next/server";
import { ButtonLink } from "@/components/ui/button";

export default async function NotFound() {
  // Rendered per request, not prerendered: a prerendered page's scripts carry no CSP nonce and would be blocked.
  await connection();
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 text-center">
      <Logo />
      <div>
        <p className="text-sm font-semibold text-brand">404</p>
        <h1 className="mt-1 text-2xl font-bold">We couldn&apos;t find that page</h1>
        <p className="mt-2 max-w-md text-sm text-muted">
          The link may be mistyped, or the page may belong to a team you&apos;re not a member of.
        </p>
      </div>
      <ButtonLink href="/">Go to the start page</ButtonLink>
    </main>
  );
}
