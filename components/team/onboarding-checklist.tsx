import Link from "next/link";

type Status = { invited: boolean; recorded: boolean; digestSet: boolean };

/** First steps for a new team, shown to its managers until every step is done. */
export function OnboardingChecklist({ slug, status }: { slug: string; status: Status }) {
  const steps = [
    { done: status.invited, label: "Invite your teammates", href: `/t/${slug}/members`, hint: "Share a join link or invite people by email." },
    {
      done: status.recorded,
      label: "Record your first SSI",
      href: `/t/${slug}/submit`,
      hint: "Find it at linkedin.com/sales/ssi, copy the page and paste it in.",
    },
    { done: status.digestSet, label: "Choose the weekly digest day", href: `/t/${slug}/settings`, hint: "When your team gets its weekly email." },
  ];
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) return null;
  return (
    <section aria-labelledby="onboarding-heading" className="rounded-lg border border-brand/30 bg-brand-soft p-4 sm:p-5">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="onboarding-heading" className="text-base font-semibold">Get your team started</h2>
        <p className="text-sm text-muted">
          {done} of {steps.length} done
        </p>
      </div>
      <ol className="flex flex-col gap-2">
        {steps.map((s) => (
          <li key={s.label} className="flex items-start gap-3" data-testid="onboarding-step" data-done={s.done}>
            <span
              aria-hidden
              className={`mt-0.5 grid size-5 shrink-0 place-items-center rounded-full border text-xs font-bold ${
                s.done ? "border-up bg-up text-surface" : "border-line bg-surface"
              }`}
            >
              {s.done ? "✓" : ""}
            </span>
            <span className="text-sm">
              {s.done ? (
                <span className="text-muted line-through">{s.label}</span>
              ) : (
                <Link href={s.href} className="font-semibold">
                  {s.label}
                </Link>
              )}
              <span className="sr-only">{s.done ? " (done)" : " (to do)"}</span>
              {!s.done ? <span className="block text-xs text-muted">{s.hint}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
