import { ButtonLink } from "@/components/ui/button";
import { formatDate } from "@/lib/format";

const BARS = [
  ["bg-pillar-brand", "h-6"],
  ["bg-pillar-people", "h-10"],
  ["bg-pillar-insights", "h-8"],
  ["bg-pillar-relationships", "h-12"],
] as const;

/** Nobody on the team has a score at or before the board's date. */
export function EmptyBoard({ submitHref, asOf, today }: { submitHref: string; asOf: string; today: string }) {
  const past = asOf !== today;
  return (
    <section
      aria-labelledby="board-empty"
      className="rounded-lg border border-dashed border-line bg-surface px-6 py-12 text-center shadow-sm"
    >
      <div aria-hidden="true" className="mx-auto flex h-12 w-fit items-end gap-1.5">
        {BARS.map(([colour, height]) => (
          <span key={colour} className={`w-3 rounded-t-sm opacity-80 ${colour} ${height}`} />
        ))}
      </div>
      <h2 id="board-empty" className="mt-5 text-xl font-semibold">
        {past ? `No scores on or before ${formatDate(asOf)}` : "No scores yet"}
      </h2>
      <p className="mx-auto mt-2 max-w-md text-muted">
        Be the first: record your SSI. Copy the four numbers from LinkedIn&apos;s Social Selling Index page
        and the team&apos;s ranking starts here.
      </p>
      <ButtonLink href={submitHref} className="mt-6">
        Record your SSI
      </ButtonLink>
    </section>
  );
}
