"use client";

import { useActionState } from "react";
import type { NotificationsState } from "@/lib/validation/notifications";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useSuccessToast } from "@/components/ui/toast";
import type { FormAction } from "@/lib/validation/action-state";

function Toggle({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <div className="flex items-start gap-3">
      <input id={`pref-${name}`} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={`pref-${name}-hint`} className="mt-1 size-5 shrink-0 accent-brand" />
      <div>
        <label htmlFor={`pref-${name}`} className="font-medium">{label}</label>
        <p id={`pref-${name}-hint`} className="text-sm text-muted">{hint}</p>
      </div>
    </div>
  );
}

type Prefs = { digestEnabled: boolean; remindersEnabled: boolean; teamRemindersEnabled: boolean; nameInChannels: boolean };

/** One checkbox per preference: the form field's name, the stored preference it shows, and what it means. */
const TOGGLES: { name: string; pref: keyof Prefs; label: string; hint: string }[] = [
  {
    name: "digest",
    pref: "digestEnabled",
    label: "Weekly digest",
    hint: "Once a week per team: your rank and how it moved, the top 5, the team average and where to gain points.",
  },
  { name: "reminders", pref: "remindersEnabled", label: "Weekly reminder", hint: "A nudge when you have not recorded your SSI by the end of the week." },
  {
    name: "teamReminders",
    pref: "teamRemindersEnabled",
    label: "Reminders from managers",
    hint: "When a manager of one of your teams asks you to record this week's SSI.",
  },
  {
    name: "named",
    pref: "nameInChannels",
    label: "Name me in team channel posts",
    hint: "When a team posts to Slack or Microsoft Teams: off, you appear there as “A teammate”. Your hidden breakdown is never posted either way.",
  },
];

/** Digest, weekly reminder and reminders from managers on/off, and whether the person is named in team channel posts. */
export function NotificationsForm({
  action,
  defaults,
}: {
  action: FormAction<NotificationsState>;
  defaults: Prefs;
}) {
  const [state, formAction] = useActionState(action, {});
  useSuccessToast(state);
  return (
    <form action={formAction} className="flex flex-col gap-5">
      {TOGGLES.map((t) => (
        <Toggle key={t.name} name={t.name} label={t.label} hint={t.hint} defaultChecked={defaults[t.pref]} />
      ))}
      <div aria-live="polite">{state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}</div>
      <div>
        <SubmitButton pendingLabel="Saving…">Save preferences</SubmitButton>
      </div>
    </form>
  );
}
