import type { Metadata } from "next";

export const metadata: Metadata = { title: "Benchmark: static ceiling", robots: { index: false } };
export const dynamic = "force-static";

/** The load benchmark's ceiling (npm run bench): prerendered at build time and served as a file. */
export default function BenchStaticPage() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-8">
      <p>Prerendered at build time.</p>
    </main>
  );
}
