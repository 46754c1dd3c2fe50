"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { COMPONENT_LABELS, COMPONENT_MAX, COMPONENTS, type Component } from "@/lib/ssi";
import type { PasteValues } from "@/lib/ssi-paste";
import { SNAPSHOT_FIELDS, SSI_FIRST_DATE } from "@/lib/validation/snapshot";
import type { LiveValues } from "./snapshot-live";
import { SnapshotPaste, usePaste } from "./snapshot-paste";
import { RANK_FIELDS, SnapshotRanks } from "./snapshot-ranks";
import { SnapshotTotalField } from "./snapshot-total-field";
import { useSuccessToast } from "@/components/ui/toast";
import type { SnapshotFieldName, SnapshotFormState } from "@/lib/validation/snapshot";
import type { FormAction } from "@/lib/validation/action-state";

type SnapshotFormProps = {
  action: FormAction<SnapshotFormState>;
  /** YYYY-MM-DD in the team's time zone: the default date and the latest allowed. */
  today: string;
  /** Starting values, e.g. when editing an existing snapshot. */
  defaults?: Partial<Record<string, string>>;
  submitLabel?: string;
  /** Extra inputs sent with the form, e.g. { userId } when a manager enters for a member. */
  hiddenFields?: Record<string, string>;
  /** Dates that already have a snapshot: choosing one replaces it. */
  replacingDates?: string[];
};

const PILLAR_DOT: Record<Component, string> = {
  brand: "bg-pillar-brand",
  people: "bg-pillar-people",
  insights: "bg-pillar-insights",
  relationships: "bg-pillar-relationships",
};

const isFieldName = (name: string): name is SnapshotFieldName => (SNAPSHOT_FIELDS as readonly string[]).includes(name);

function startValues(state: SnapshotFormState, today: string, defaults: SnapshotFormProps["defaults"]): LiveValues {
  if (state.values) return { ...state.values };
  const values: LiveValues = { measuredOn: today };
  for (const [k, v] of Object.entries(defaults ?? {})) if (v !== undefined) values[k] = v;
  return values;
}

const ranksWanted = (values: LiveValues, state: SnapshotFormState) =>
  RANK_FIELDS.some((f) => !!values[f]?.trim() || !!state.fieldErrors?.[f]?.length);

/** "Record your SSI": paste from LinkedIn or type the four components, with a live total. */
export function SnapshotForm({
  action,
  today,
  defaults,
  submitLabel = "Save my SSI",
  hiddenFields,
  replacingDates,
}: SnapshotFormProps) {
  const [state, formAction] = useActionState(action, {});
  useSuccessToast(state, "Saved.");
  const [values, setValues] = useState(() => startValues(state, today, defaults));
  // Bumped whenever the inputs must show new values (a server answer, a paste): the
  // inputs are uncontrolled and re-mount with the new defaultValue.
  const [generation, setGeneration] = useState(0);
  const [ranksOpen, setRanksOpen] = useState(() => ranksWanted(values, state));
  const [seenState, setSeenState] = useState(state);
  const paste = usePaste(fillFromPaste);
  // Right after a save the emptied form shows today's date, which now has a score: warning that saving would
  // replace it would describe the save just made. The warning returns once the person changes the form.
  const [justSaved, setJustSaved] = useState(false);

  if (state !== seenState) {
    // A new answer from the server: show what it says was submitted (React resets the form).
    const next = startValues(state, today, defaults);
    setSeenState(state);
    setValues(next);
    setGeneration((g) => g + 1);
    if (ranksWanted(next, state)) setRanksOpen(true);
    if (state.ok) paste.reset();
    setJustSaved(!!state.ok);
  }

  function fillFromPaste(pasted: PasteValues) {
    const next = { ...values };
    for (const [k, v] of Object.entries(pasted)) if (v !== undefined) next[k] = String(v);
    setValues(next);
    setGeneration((g) => g + 1);
    setJustSaved(false);
    if (RANK_FIELDS.some((f) => pasted[f] !== undefined)) setRanksOpen(true);
  }

  const errors = state.fieldErrors;
  const replacing = !justSaved && !!values.measuredOn && !!replacingDates?.includes(values.measuredOn);
  const decimal = { type: "text", inputMode: "decimal", autoComplete: "off", step: "0.001" } as const;

  return (
    <div className="flex flex-col gap-6">
      <SnapshotPaste paste={paste} submitLabel={submitLabel} />
      <form
        action={formAction}
        onSubmit={(e) => {
          // A paste nobody read yet: read it into the form for the rep to check, rather than save without it.
          if (!paste.unread) return paste.saving();
          e.preventDefault();
          paste.read(paste.text, { onSave: true });
        }}
        noValidate
        aria-label="Record your SSI"
        className="flex flex-col gap-6"
        onChange={(e) => {
          const t = e.target;
          if (t instanceof HTMLInputElement && isFieldName(t.name)) setValues((v) => ({ ...v, [t.name]: t.value }));
          setJustSaved(false);
        }}
      >
        {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-3 font-semibold">Your four components</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {COMPONENTS.map((c) => (
              <Field
                key={`${c}-${generation}`}
                label={
                  <span className="inline-flex items-center gap-2">
                    <span aria-hidden className={`size-2.5 shrink-0 rounded-full ${PILLAR_DOT[c]}`} />
                    {COMPONENT_LABELS[c].linkedIn}
                  </span>
                }
                name={c}
                {...decimal}
                min={0}
                max={COMPONENT_MAX}
                hint={`0–${COMPONENT_MAX}`}
                defaultValue={values[c] ?? ""}
                errors={errors?.[c]}
              />
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <SnapshotTotalField
            key={`total-${generation}`}
            values={values}
            defaultValue={values.total ?? ""}
            errors={errors?.total}
          />
          <Field
            key={`measuredOn-${generation}`}
            label="Date"
            name="measuredOn"
            type="date"
            required
            min={SSI_FIRST_DATE}
            max={today}
            defaultValue={values.measuredOn ?? ""}
            errors={errors?.measuredOn}
            hint={
              <>
                <span className="block">The day LinkedIn showed this score.</span>
                <span aria-live="polite" className="block">
                  {replacing ? (
                    <strong className="font-medium text-warn">This replaces your score for that date.</strong>
                  ) : null}
                </span>
              </>
            }
          />
        </div>
        <SnapshotRanks
          open={ranksOpen}
          onOpenChange={setRanksOpen}
          values={values}
          errors={errors}
          generation={generation}
        />
        {!state.ok && state.message ? <Alert tone="error">{state.message}</Alert> : null}
        {paste.onSave && paste.result ? (
          <Alert tone={paste.result.ok ? "warning" : "error"}>
            {paste.result.ok
              ? `Not saved yet: we read your pasted text into the form. Check the values, then press “${submitLabel}” again.`
              : `Not saved: your pasted text could not be read (see above). Type your scores, then press “${submitLabel}” again.`}
          </Alert>
        ) : null}
        <div>
          <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
