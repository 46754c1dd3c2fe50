"use client";

import { Button } from "@/components/ui/button";

/** Unexpected errors: a plain sentence here, the details only in the server log (referenced by digest). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="max-w-md text-sm text-muted">
        We couldn&apos;t show this page. Nothing you entered was lost. Try again in a moment; if it keeps happening,
        tell your administrator{error.digest ? <> and mention the code <code className="font-mono">{error.digest}</code></> : null}.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
