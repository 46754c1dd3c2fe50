"use client";

import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
          <h1 className="text-2xl font-bold">SSI Leaderboard is having trouble</h1>
          <p className="max-w-md text-sm text-muted">
            Please try again in a moment.{error.digest ? ` Error code: ${error.digest}.` : ""}
          </p>
          <button type="button" onClick={reset} className="rounded-md bg-brand px-4 py-2 font-semibold text-on-brand">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
