"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { DATABASE_UNAVAILABLE_DIGEST, HEALTH_POLL_MS } from "@/lib/database-unavailable";

type State = "checking" | "unavailable" | "error";

/**
 * Unexpected errors: a plain sentence here, the details only in the server log (referenced by digest). When the
 * database is down (the error says so, or /api/health answers 503) the page says the app is temporarily
 * unavailable instead, keeps asking, and reloads by itself once the database is back.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [state, setState] = useState<State>(error.digest === DATABASE_UNAVAILABLE_DIGEST ? "unavailable" : "checking");

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sawOutage = false;
    const check = async () => {
      const up = await fetch("/api/health", { cache: "no-store" }).then(
        (r) => r.ok,
        () => false,
      );
      if (stopped) return;
      if (!up) {
        sawOutage = true;
        setState("unavailable");
        timer = setTimeout(check, HEALTH_POLL_MS);
      } else if (sawOutage) {
        // Back: load the page afresh (a full load, so every part of it is fetched again).
        window.location.reload();
      } else {
        // The database answers, so this was something else.
        setState("error");
      }
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  if (state === "unavailable") {
    return (
      <main id="main" className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-4 text-center" data-testid="unavailable">
        <h1 className="text-2xl font-bold">SSI Leaderboard is temporarily unavailable</h1>
        <p className="max-w-md text-sm text-muted">
          We can&apos;t reach the database right now. Scores already saved are safe, and this page comes back by
          itself as soon as the app is available again.
        </p>
        <p className="flex items-center gap-2 text-sm text-muted" role="status" aria-live="polite">
          <span className="inline-block size-2 animate-pulse rounded-full bg-brand" aria-hidden="true" />
          Checking again every few seconds…
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="flex min-h-[60dvh] flex-col items-center justify-center gap-4 px-4 text-center" aria-busy={state === "checking"}>
      <h1 className="text-2xl font-bold">{state === "checking" ? "One moment…" : "Something went wrong"}</h1>
      {state === "error" ? (
        <>
          <p className="max-w-md text-sm text-muted">
            We couldn&apos;t show this page. Nothing you entered was lost. Try again in a moment; if it keeps happening,
            tell your administrator{error.digest ? <> and mention the code <code className="font-mono">{error.digest}</code></> : null}.
          </p>
          <Button onClick={reset}>Try again</Button>
        </>
      ) : null}
    </main>
  );
}
