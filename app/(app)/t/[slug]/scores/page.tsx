import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { MembershipCard } from "@/components/team/membership-card";
import { listSnapshotsForUser } from "@/db/queries/snapshots";
import { requireTeamRole } from "@/lib/authz";
import { COMPONENTS, COMPONENT_LABELS } from "@/lib/ssi";
import { leaveTeamAction } from "../settings/actions";
import { deleteMySnapshotAction } from "./actions";

export const metadata: Metadata = { title: "My scores" };

const fmt = (n: number | null, d = 2) => (n === null ? "—" : n.toFixed(d));

export default async function ScoresPage({ params }: PageProps<"/t/[slug]/scores">) {
  const { slug } = await params;
  const { access, team, role } = await requireTeamRole(slug);
  const rows = await listSnapshotsForUser(access.userId, { limit: 200 });
  const del = deleteMySnapshotAction.bind(null, team.slug);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">My scores</h1>
          <p className="text-sm text-muted">
            Your snapshots belong to you: every team you&apos;re in sees them.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {rows.length ? (
            <a href="/account/export.csv" className={buttonClass("secondary")} download>
              Download CSV
            </a>
          ) : null}
          <ButtonLink href={`/t/${team.slug}/submit`}>Record SSI</ButtonLink>
        </div>
      </div>
      {rows.length === 0 ? (
        <Card className="py-10 text-center">
          <p className="font-semibold">No scores yet</p>
          <p className="text-sm text-muted">
            <Link href={`/t/${team.slug}/submit`}>Record your first SSI</Link> to appear on the leaderboard.
          </p>
        </Card>
      ) : (
        <>
          {/* Phones get one card per score; wider screens the table below (the same rows, one markup each). */}
          <ul className="flex flex-col gap-3 md:hidden" aria-label="Your SSI snapshots, newest first">
            {rows.map((s) => (
              <li
                key={s.measuredOn}
                className="rounded-lg border border-line bg-surface p-4 shadow-sm"
                data-testid="score-card"
              >
                <div className="flex items-baseline justify-between gap-3">
                  <p className="font-medium tabular-nums">{s.measuredOn}</p>
                  <p className="text-xl font-bold tabular-nums">
                    <span className="sr-only">SSI </span>
                    {fmt(s.total)}
                  </p>
                </div>
                {s.enteredByName ? <p className="text-xs text-muted">entered by {s.enteredByName}</p> : null}
                <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                  {COMPONENTS.map((c) => (
                    <div key={c} className="flex justify-between gap-2">
                      <dt className="text-muted">{COMPONENT_LABELS[c].short}</dt>
                      <dd className="tabular-nums">{fmt(s[c])}</dd>
                    </div>
                  ))}
                </dl>
                <div className="mt-3 border-t border-line pt-3">
                  <ScoreActions slug={team.slug} measuredOn={s.measuredOn} del={del} />
                </div>
              </li>
            ))}
          </ul>
          <Card flush className="hidden overflow-x-auto md:block">
            <table className="w-full text-sm">
              <caption className="sr-only">Your SSI snapshots, newest first</caption>
              <thead className="border-b border-line text-left text-xs uppercase tracking-wide text-muted">
                <tr>
                  <th scope="col" className="px-4 py-3">
                    Date
                  </th>
                  <th scope="col" className="px-4 py-3 text-right">
                    SSI
                  </th>
                  {COMPONENTS.map((c) => (
                    <th
                      key={c}
                      scope="col"
                      className="px-4 py-3 text-right"
                      title={COMPONENT_LABELS[c].linkedIn}
                    >
                      {COMPONENT_LABELS[c].short}
                    </th>
                  ))}
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr
                    key={s.measuredOn}
                    className="border-b border-line last:border-0"
                    data-testid="score-row"
                  >
                    <th
                      scope="row"
                      className="whitespace-nowrap px-4 py-3 text-left font-medium tabular-nums"
                    >
                      {s.measuredOn}
                      {s.enteredByName ? (
                        <span className="block text-xs font-normal text-muted">
                          entered by {s.enteredByName}
                        </span>
                      ) : null}
                    </th>
                    <td className="px-4 py-3 text-right font-semibold tabular-nums">{fmt(s.total)}</td>
                    {COMPONENTS.map((c) => (
                      <td key={c} className="px-4 py-3 text-right tabular-nums">
                        {fmt(s[c])}
                      </td>
                    ))}
                    <td className="px-4 py-3">
                      <ScoreActions slug={team.slug} measuredOn={s.measuredOn} del={del} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </>
      )}
      {/* Managers and owners leave from Settings, which members do not have. */}
      {role === "member" ? <MembershipCard team={team} leave={leaveTeamAction.bind(null, team.slug)} /> : null}
    </div>
  );
}

/** Edit and delete for one score (the delete asks first); the same controls in the card and the table. */
function ScoreActions({
  slug,
  measuredOn,
  del,
}: {
  slug: string;
  measuredOn: string;
  del: (formData: FormData) => Promise<void>;
}) {
  return (
    <div className="flex justify-end gap-2">
      <ButtonLink
        href={`/t/${slug}/submit?date=${measuredOn}`}
        variant="secondary"
        className="min-h-8 px-3 py-1"
        aria-label={`Edit the score of ${measuredOn}`}
      >
        Edit
      </ButtonLink>
      <form action={del}>
        <input type="hidden" name="measuredOn" value={measuredOn} />
        <ConfirmButton
          variant="ghost-danger"
          className="min-h-8 px-3 py-1"
          confirm={`Delete your score of ${measuredOn}? This cannot be undone.`}
          aria-label={`Delete the score of ${measuredOn}`}
        >
          Delete
        </ConfirmButton>
      </form>
    </div>
  );
}
