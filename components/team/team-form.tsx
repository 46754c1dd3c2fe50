"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useSuccessToast } from "@/components/ui/toast";
import type { TeamFormState } from "@/lib/validation/team";
import type { FormAction } from "@/lib/validation/action-state";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["UTC"];
  }
};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const subscribe = () => () => {};

/** Create-team and team-settings form. The time zone defaults to the browser's for a new team. */
export function TeamForm({
  action,
  defaults,
  submitLabel,
}: {
  action: FormAction<TeamFormState>;
  defaults?: { name: string; timeZone: string; weekStart: number; staleDays: number; digestDay: number; digestHour: number };
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, {});
  useSuccessToast(state);
  // The server renders "UTC"; the browser then fills in its own zone (no hydration mismatch).
  const detectedZone = useSyncExternalStore(subscribe, browserZone, () => "UTC");
  const v = state.values;
  const value = (k: string, fallback: string | number) => v?.[k] ?? String(fallback);
  const tz = value("timeZone", defaults?.timeZone ?? detectedZone);
  const allZones = zones().includes(tz) ? zones() : [tz, ...zones()];
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5" key={JSON.stringify(v ?? {}) + tz}>
      {state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field label="Team name" name="name" required maxLength={60} defaultValue={value("name", defaults?.name ?? "")} errors={e.name} hint="Shown on the leaderboard and in emails. The link to the team is made from it." />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Time zone" name="timeZone" defaultValue={tz} errors={e.timeZone} hint="Sets the team's “today” and its weeks.">
          {allZones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </SelectField>
        <SelectField label="Week starts on" name="weekStart" defaultValue={value("weekStart", defaults?.weekStart ?? 1)} errors={e.weekStart}>
          {DAYS.map((d, i) => (
            <option key={d} value={i + 1}>
              {d}
            </option>
          ))}
        </SelectField>
        <Field label="Stale after (days)" name="staleDays" type="number" inputMode="numeric" min={1} max={90} defaultValue={value("staleDays", defaults?.staleDays ?? 14)} errors={e.staleDays} hint="Scores older than this are listed below the ranking instead of in it." />
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="Digest day" name="digestDay" defaultValue={value("digestDay", defaults?.digestDay ?? 1)} errors={e.digestDay}>
            {DAYS.map((d, i) => (
              <option key={d} value={i + 1}>
                {d}
              </option>
            ))}
          </SelectField>
          <SelectField label="Digest hour" name="digestHour" defaultValue={value("digestHour", defaults?.digestHour ?? 8)} errors={e.digestHour}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, "0")}:00
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <div>
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
