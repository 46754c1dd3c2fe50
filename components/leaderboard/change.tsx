import { signed } from "@/lib/format";

// `.chg` (app/globals.css): inline-flex, no wrapping, tabular figures. A class of its own because a board
// shows two of these per member.
const base = "chg";

/** Places moved since a week earlier: ▲2 / ▼1 / — / New. Arrows and words, never colour alone. */
export function RankChange({ change }: { change: number | "new" | null }) {
  if (change === "new") {
    return (
      <span
        title="Not ranked a week earlier"
        className="inline-flex rounded-full border border-brand/40 px-2 py-0.5 text-xs font-semibold text-brand"
      >
        New
      </span>
    );
  }
  if (change == null || change === 0) {
    return (
      <span className={`${base} text-muted`} title="Same rank as a week earlier">
        <span aria-hidden="true">—</span>
        <span className="sr-only"> No change</span>
      </span>
    );
  }
  const up = change > 0;
  const n = Math.abs(change);
  const unit = `${n === 1 ? "place" : "places"} ${up ? "up" : "down"}`;
  return (
    <span className={`${base} font-semibold ${up ? "text-up" : "text-down"}`}>
      <span aria-hidden="true">{up ? "▲" : "▼"}</span>
      {n}
      <span className="sr-only"> {unit}</span>
    </span>
  );
}

/** Total SSI change since a week earlier: ▲ +1.4 / ▼ −0.8 / —. */
export function ScoreChange({ change }: { change: number | null }) {
  const rounded = change == null ? null : Math.round(change * 10) / 10;
  if (rounded == null || rounded === 0) {
    const why =
      rounded == null ? "No score a week earlier to compare with" : "No change since a week earlier";
    return (
      <span className={`${base} text-muted`} title={why}>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{rounded == null ? " No earlier score" : " No change"}</span>
      </span>
    );
  }
  const up = rounded > 0;
  const text = signed(rounded, 1);
  return (
    <span className={`${base} font-semibold ${up ? "text-up" : "text-down"}`}>
      <span aria-hidden="true" className="text-[0.7em]">
        {up ? "▲" : "▼"}
      </span>
      {text}
    </span>
  );
}
