"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field, FieldError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { COMPONENT_LABELS, COMPONENTS } from "@/lib/ssi";
import type { ChallengeFormState } from "@/lib/validation/challenge";
import type { FormAction } from "@/lib/validation/action-state";

type Action = FormAction<ChallengeFormState>;

const KINDS = [
  { value: "improved", label: "Most improved", hint: "The biggest climb from each person's starting score." },
  { value: "race", label: "Race to a target", hint: "The first to reach a value wins." },
  { value: "versus", label: "Team against team", hint: "Teams you manage, on their average improvement." },
] as const;

/** A new challenge: name, kind, what counts, dates, and who takes part (members, or other teams). */
export function ChallengeForm({
  action,
  members,
  otherTeams,
  defaults,
}: {
  action: Action;
  members: { id: string; name: string }[];
  otherTeams: { slug: string; name: string }[];
  defaults: { startsOn: string; endsOn: string };
}) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [kind, setKind] = useState(v.kind ?? "improved");
  const [who, setWho] = useState(v.participants ?? "all");
  const chosen = new Set(state.chosen?.participantIds ?? []);
  const teams = new Set(state.chosen?.teamSlugs ?? []);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-5" key={JSON.stringify(v)}>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Field label="Name" name="name" defaultValue={v.name ?? ""} errors={e.name} maxLength={80} hint="e.g. March climb" />
      <fieldset className="flex flex-col gap-2" aria-describedby="kind-error">
        <legend className="text-sm font-medium">Kind</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {KINDS.map((k) => (
            <label key={k.value} className={`flex cursor-pointer gap-2 rounded-md border p-3 text-sm ${kind === k.value ? "border-brand bg-brand-soft" : "border-line"}`}>
              <input type="radio" name="kind" value={k.value} checked={kind === k.value} onChange={() => setKind(k.value)} className="mt-1" />
              <span>
                <span className="block font-semibold">{k.label}</span>
                <span className="block text-xs text-muted">{k.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="kind-error" errors={e.kind} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="What counts" name="metric" defaultValue={v.metric ?? "total"} errors={e.metric}>
          <option value="total">Total SSI</option>
          {COMPONENTS.map((c) => (
            <option key={c} value={c}>
              {COMPONENT_LABELS[c].linkedIn}
            </option>
          ))}
        </SelectField>
        {kind === "race" ? (
          <Field label="Target" name="target" inputMode="decimal" defaultValue={v.target ?? ""} errors={e.target} hint="0–100 for the total, 0–25 for a component" />
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Start" name="startsOn" type="date" defaultValue={v.startsOn ?? defaults.startsOn} errors={e.startsOn} hint="In the team's time zone" />
        <Field label="End" name="endsOn" type="date" defaultValue={v.endsOn ?? defaults.endsOn} errors={e.endsOn} />
      </div>
      {kind === "versus" ? (
        <fieldset className="flex flex-col gap-2" aria-describedby="field-teamSlugs-error">
          <legend className="text-sm font-medium">Against</legend>
          {otherTeams.length === 0 ? <p className="text-sm text-muted">You manage no other team.</p> : null}
          {otherTeams.map((t) => (
            <label key={t.slug} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="teamSlugs" value={t.slug} defaultChecked={teams.has(t.slug)} />
              {t.name}
            </label>
          ))}
          <FieldError id="field-teamSlugs-error" errors={e.teamSlugs} />
        </fieldset>
      ) : (
        <fieldset className="flex flex-col gap-2" aria-describedby="field-participantIds-error">
          <legend className="text-sm font-medium">Who takes part</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="participants" value="all" checked={who === "all"} onChange={() => setWho("all")} />
            Every member (people who join during the challenge too)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="participants" value="chosen" checked={who === "chosen"} onChange={() => setWho("chosen")} />
            Chosen members
          </label>
          {who === "chosen" ? (
            <div className="grid max-h-64 gap-1 overflow-y-auto rounded-md border border-line p-3 sm:grid-cols-2">
              {members.map((m) => (
                <label key={m.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="participantIds" value={m.id} defaultChecked={chosen.has(m.id)} />
                  <span className="wrap-anywhere">{m.name}</span>
                </label>
              ))}
            </div>
          ) : null}
          <FieldError id="field-participantIds-error" errors={e.participantIds} />
        </fieldset>
      )}
      <div>
        <SubmitButton pendingLabel="Creating…">Create challenge</SubmitButton>
      </div>
    </form>
  );
}
