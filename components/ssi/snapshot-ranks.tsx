import { Field } from "@/components/ui/field";
import { RankField } from "./rank-field";

type RankName = "industryRank" | "networkRank" | "industryAvg" | "networkAvg";
export const RANK_FIELDS: readonly RankName[] = ["industryRank", "networkRank", "industryAvg", "networkAvg"];

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
          <RankField
            key={key("industryRank")}
            label="Industry SSI rank"
            name="industryRank"
            {...number}
            min={0.001}
            max={100}
            defaultValue={values.industryRank ?? ""}
            errors={errors?.industryRank}
            hint="Top % of people in your industry. Lower is better: 3 means top 3%."
          />
          <RankField
            key={key("networkRank")}
            label="Network SSI rank"
            name="networkRank"
            {...number}
            min={0.001}
            max={100}
            defaultValue={values.networkRank ?? ""}
            errors={errors?.networkRank}
            hint="Top % of your network. Lower is better: 1 means top 1%."
          />
          <Field
            key={key("industryAvg")}
            label="Industry average SSI"
            name="industryAvg"
            {...number}
            min={0}
            max={100}
            defaultValue={values.industryAvg ?? ""}
            errors={errors?.industryAvg}
            hint="“People in your industry” on LinkedIn: their average SSI, 0–100."
          />
          <Field
            key={key("networkAvg")}
            label="Network average SSI"
            name="networkAvg"
            {...number}
            min={0}
            max={100}
            defaultValue={values.networkAvg ?? ""}
            errors={errors?.networkAvg}
            hint="“People in your network” on LinkedIn: their average SSI, 0–100."
          />
        </div>
      </div>
    </details>
  );
}
