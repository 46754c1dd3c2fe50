import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Benchmark: dynamic floor", robots: { index: false } };

/**
 * The load benchmark's floor (npm run bench): rendered on every request like the app's pages, but with no
 * database and no session lookup, so it measures what a dynamic render of this app costs at best.
 */
export default async function BenchDynamicPage() {
  await connection();
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-8">
      <p>Rendered on request at {new Date().toISOString()}.</p>
    </main>
  );
}
