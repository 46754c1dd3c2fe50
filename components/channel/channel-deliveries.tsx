import { Card } from "@/components/ui/card";
import type { listChannelDeliveries } from "@/db/queries/channels";

type Row = Awaited<ReturnType<typeof listChannelDeliveries>>[number];

const WHEN = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const STATUS = { sent: "Posted", pending: "Waiting", failed: "Failed" } as const;
const TONE = { sent: "text-up", pending: "text-muted", failed: "text-danger" } as const;

/** The team's latest channel posts with their status; a failed one shows why (after every retry). */
export function ChannelDeliveries({ rows }: { rows: Row[] }) {
  return (
    <Card aria-labelledby="channel-deliveries-heading">
      <h2 id="channel-deliveries-heading" className="mb-3 text-lg font-semibold">Recent posts</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">Nothing has been posted yet. The weekly summary goes out at the digest time.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line text-sm">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <p className="font-medium">{r.summary}</p>
                {r.lastError && r.status !== "sent" ? (
                  <p className="break-words text-muted">
                    {r.status === "failed" ? "Reason" : "Last try"}: {r.lastError} ({r.attempts} {r.attempts === 1 ? "try" : "tries"})
                  </p>
                ) : null}
              </div>
              <p className="shrink-0 text-muted">
                <span className={`font-semibold ${TONE[r.status]}`}>{STATUS[r.status]}</span> · {WHEN.format(r.sentAt ?? r.createdAt)} UTC
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
