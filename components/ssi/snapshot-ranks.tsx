import { Field } from "@/components/ui/field";
import { SSI_FIELDS } from "@/lib/ssi";
import { RankField } from "./rank-field";

const GROUP = SSI_FIELDS.filter((f) => f.kind === "rank" || f.kind === "average");
type RankName = (typeof GROUP)[number]["key"];
export const RANK_FIELDS: readonly RankName[] = GROUP.map((f) => f.key);

const HINTS: Record<RankName, string> = {
  industryRank: "Top % of people in your industry. Lower is better: 3 means top 3%.",
  networkRank: "Top % of your network. Lower is better: 1 means top 1%.",
  industryAvg: "“People in your industry” on LinkedIn: their average SSI, 0–100.",
  networkAvg: "“People in your network” on LinkedIn: their average SSI, 0–100.",
};

const number = { type: "text", inputMode: "decimal", autoComplete: "off", step: "0.001" } as const;

/** The optional "Ranks and averages" group, a native disclosure so it works without JavaScript. */
export function SnapshotRanks({
  open,
  onOpenChange,
  values,
  errors,
  generation,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  values: Record<string, string>;
  errors?: Partial<Record<RankName, string[]>>;
  generation: number;
}) {
  const key = (name: RankName) => `${name}-${generation}`;
  return (
    <details
      open={open}
      onToggle={(e) => onOpenChange(e.currentTarget.open)}
      className="group rounded-md border border-line"
    >
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md px-4 py-2 font-medium hover:bg-raised">
        <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        Ranks and averages (optional)
      </summary>
      <div className="flex flex-col gap-4 px-4 pt-2 pb-4">
        <p className="text-sm text-muted">Shown under your score on LinkedIn. They help compare you with your peers.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {GROUP.map((f) => {
            const Input = f.kind === "rank" ? RankField : Field;
            return (
              <Input
                key={key(f.key)}
                label={f.label}
                name={f.key}
                {...number}
                // A rank is above its minimum: the least it can be at three decimals.
                min={f.kind === "rank" ? f.min + 0.001 : f.min}
                max={f.max}
                defaultValue={values[f.key] ?? ""}
                errors={errors?.[f.key]}
                hint={HINTS[f.key]}
              />
            );
          })}
        </div>
      </div>
    </details>
  );
}
