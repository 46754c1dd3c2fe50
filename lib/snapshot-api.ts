// A snapshot as the public API reads and writes it: the JSON it answers with and the OpenAPI schema of the body
// it takes, both from the SSI fields of lib/ssi.ts.
import { z } from "zod";
import type { SavedSnapshot } from "@/db/queries/snapshots";
import { SSI_FIELDS, type SsiField, type SsiFieldKey } from "@/lib/ssi";
import { SSI_FIRST_DATE, snapshotInputSchema } from "@/lib/validation/snapshot";

/** A snapshot as the API gives it: the SSI fields in SSI_FIELDS order, then who entered it and when. */
export const snapshotJson = (s: SavedSnapshot) => ({
  ...(Object.fromEntries(SSI_FIELDS.map((f) => [f.key, s[f.key]])) as Pick<SavedSnapshot, SsiFieldKey>),
  enteredByManager: s.enteredBy !== null,
  updatedAt: s.updatedAt.toISOString(),
});

function describe(f: SsiField): string | undefined {
  switch (f.kind) {
    case "date":
      return `Date of the score, ${SSI_FIRST_DATE} to today. Defaults to today (in the team's time zone when \`team\` is given, else yours).`;
    case "total":
      return `${f.label}; must equal the sum of the components ±0.5. Computed when omitted.`;
    case "component":
      return `${f.label} (${f.min}–${f.max}, at most 3 decimals)`;
    case "rank":
      return `LinkedIn's “Top N %” (${f.min} < N ≤ ${f.max})`;
    case "average":
      return undefined;
  }
}

const bounds = (f: SsiField) =>
  f.kind === "date"
    ? { format: "date" }
    : f.kind === "rank"
      ? { exclusiveMinimum: f.min, maximum: f.max }
      : { minimum: f.min, maximum: f.max };

/**
 * The request body, generated from the very schema the form and the API validate with. Its range rules are
 * custom checks (for the exact messages), which JSON Schema cannot express: their bounds come from SSI_FIELDS.
 */
export function snapshotBodySchema() {
  const base = z.toJSONSchema(snapshotInputSchema("2099-12-31"), { io: "input", unrepresentable: "any", target: "openapi-3.0" }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const p = base.properties;
  for (const f of SSI_FIELDS) {
    const description = describe(f);
    Object.assign(p[f.key]!, bounds(f), description ? { description } : {});
  }
  p.team = { type: "string", description: "Optional team slug whose time zone decides “today”. 404 when you are not in it." };
  return { ...base, required: (base.required ?? []).filter((r) => r !== "measuredOn") };
}
