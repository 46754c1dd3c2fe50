import { signed } from "@/lib/format";

// `.chg` (app/globals.css): inline-flex, no wrapping, tabular figures. A class of its own because a board
// shows two of these per member.
const base = "chg";

/**
 * What a change shows, as parts: the element's class and title, a decorative arrow, the visible text and the words
 * for screen readers. The JSX below and the board's row markup (./ranked-rows.ts) both render from these.
 */
export type ChangeView = { className: string; title?: string; arrow?: string; arrowClass?: string; text?: string; sr?: string };

/** Places moved since a week earlier: ▲2 / ▼1 / — / New. Arrows and words, never colour alone. */
export function rankChangeView(change: number | "new" | null): ChangeView {
  if (change === "new") {
    return {
      className: "inline-flex rounded-full border border-brand/40 px-2 py-0.5 text-xs font-semibold text-brand",
      title: "Not ranked a week earlier",
      text: "New",
    };
  }
  if (change == null || change === 0) return { className: `${base} text-muted`, title: "Same rank as a week earlier", arrow: "—", sr: " No change" };
  const up = change > 0;
  const n = Math.abs(change);
  return { className: `${base} font-semibold ${up ? "text-up" : "text-down"}`, arrow: up ? "▲" : "▼", text: String(n), sr: ` ${n === 1 ? "place" : "places"} ${up ? "up" : "down"}` };
}

/** Total SSI change since a week earlier: ▲ +1.4 / ▼ −0.8 / —. */
export function scoreChangeView(change: number | null): ChangeView {
  const rounded = change == null ? null : Math.round(change * 10) / 10;
  if (rounded == null || rounded === 0) {
    const why = rounded == null ? "No score a week earlier to compare with" : "No change since a week earlier";
    return { className: `${base} text-muted`, title: why, arrow: "—", sr: rounded == null ? " No earlier score" : " No change" };
  }
  const up = rounded > 0;
  const text = signed(rounded, 1);
  return { className: `${base} font-semibold ${up ? "text-up" : "text-down"}`, arrow: up ? "▲" : "▼", arrowClass: "text-[0.7em]", text };
}

function Change({ v }: { v: ChangeView }) {
  return (
    <span className={v.className} title={v.title}>
      {v.arrow ? (
        <span aria-hidden="true" className={v.arrowClass}>
          {v.arrow}
        </span>
      ) : null}
      {v.text}
      {v.sr ? <span className="sr-only">{v.sr}</span> : null}
    </span>
  );
}

export function RankChange({ change }: { change: number | "new" | null }) {
  return <Change v={rankChangeView(change)} />;
}

export function ScoreChange({ change }: { change: number | null }) {
  return <Change v={scoreChangeView(change)} />;
}
