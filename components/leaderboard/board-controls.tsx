import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import type { RankBy } from "@/lib/ranking";
import { COMPONENTS } from "@/lib/ssi";
import { rankByLabel } from "./format";

const control = "min-h-10 rounded-md border border-line bg-surface px-3 py-2 text-base text-fg sm:text-sm";
const OPTIONS: RankBy[] = ["total", ...COMPONENTS];

/** The board's date and ranking choice: a plain GET form, so it works before (and without) JavaScript. */
export function BoardControls({
  asOf,
  today,
  by,
  todayHref,
}: {
  asOf: string;
  today: string;
  by: RankBy;
  todayHref: string;
}) {
  return (
    <form
      key={`${asOf}:${by}`}
      method="get"
      className="flex flex-wrap items-end gap-3 xl:flex-nowrap"
      aria-label="Leaderboard view"
    >
      <div className="flex min-w-0 basis-full flex-col gap-1 sm:basis-auto">
        <label htmlFor="board-as-of" className="text-sm font-medium">
          As of
        </label>
        <input
          id="board-as-of"
          type="date"
          name="asOf"
          min="2014-01-01"
          max={today}
          defaultValue={asOf}
          required
          className={control}
        />
      </div>
      <div className="flex min-w-48 flex-1 flex-col gap-1 sm:flex-none">
        <label htmlFor="board-by" className="text-sm font-medium">
          Rank by
        </label>
        <select id="board-by" name="by" defaultValue={by} className={`${control} w-full min-w-0 sm:w-64`}>
          {OPTIONS.map((o) => (
            <option key={o} value={o}>
              {rankByLabel(o)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {asOf !== today ? (
          <Link href={todayHref} className={buttonClass("ghost", "whitespace-nowrap")}>
            Back to today
          </Link>
        ) : null}
      </div>
    </form>
  );
}
