"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useSuccessToast } from "@/components/ui/toast";
import type { ChannelActionState, ChannelConnectState } from "@/lib/validation/channel";
import type { FormAction } from "@/lib/validation/action-state";

type Action<S> = FormAction<S>;

/** Paste a webhook URL; the service is recognised from it or chosen. The field never shows a stored URL. */
export function ConnectChannelForm({ action, replacing }: { action: Action<ChannelConnectState>; replacing: boolean }) {
  const [state, formAction] = useActionState(action, {});
  useSuccessToast(state);
  return (
    <form action={formAction} className="flex flex-col gap-4" autoComplete="off">
      <Field
        label={replacing ? "New webhook URL" : "Webhook URL"}
        name="url"
        type="url"
        inputMode="url"
        required
        spellCheck={false}
        placeholder="https://hooks.slack.com/services/…"
        errors={state.fieldErrors?.url}
        hint="A Slack incoming webhook, or a Teams workflow “Post to a channel when a webhook request is received”. It is kept secret: after saving, only its host and last characters are shown."
      />
      <SelectField label="Service" name="kind" defaultValue="auto" errors={state.fieldErrors?.kind}>
        <option value="auto">Recognise from the URL</option>
        <option value="slack">Slack</option>
        <option value="teams">Microsoft Teams</option>
      </SelectField>
      <div>
        <SubmitButton pendingLabel="Connecting…">{replacing ? "Replace webhook URL" : "Connect channel"}</SubmitButton>
      </div>
    </form>
  );
}

/** What gets posted: the weekly summary and the highlights, each on or off. */
export function ChannelOptionsForm({ action, defaults }: { action: Action<ChannelActionState>; defaults: { weeklyEnabled: boolean; highlightsEnabled: boolean } }) {
  const [state, formAction] = useActionState(action, {});
  useSuccessToast(state);
  const toggle = (name: string, label: string, hint: string, on: boolean) => (
    <div className="flex items-start gap-3">
      <input id={`channel-${name}`} name={name} type="checkbox" defaultChecked={on} aria-describedby={`channel-${name}-hint`} className="mt-1 size-5 accent-brand" />
      <div>
        <label htmlFor={`channel-${name}`} className="font-medium">{label}</label>
        <p id={`channel-${name}-hint`} className="text-sm text-muted">{hint}</p>
      </div>
    </div>
  );
  return (
    <form action={formAction} className="flex flex-col gap-4">
      {toggle("weekly", "Weekly summary", "At the digest time: the top 5, biggest movers, the average and its change, participation, and where the team can gain.", defaults.weeklyEnabled)}
      {toggle("highlights", "Highlights", "A new #1, a personal best past 70, 80 or 90, a goal reached; a busy morning makes one post.", defaults.highlightsEnabled)}
      <div aria-live="polite">{state.message && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}</div>
      <div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">Save posts</SubmitButton>
      </div>
    </form>
  );
}

/** "Send a test message" and "Disconnect", with the service's answer shown under them. */
export function ChannelButtons({ test, disconnect, label }: { test: (prev: ChannelActionState) => Promise<ChannelActionState>; disconnect: (prev: ChannelActionState) => Promise<ChannelActionState>; label: string }) {
  const [tested, testAction] = useActionState(test, {});
  const [, disconnectAction] = useActionState(disconnect, {});
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-2">
        <form action={testAction}>
          <SubmitButton variant="secondary" pendingLabel="Sending…">Send a test message</SubmitButton>
        </form>
        <form action={disconnectAction}>
          <ConfirmButton variant="ghost-danger" pendingLabel="Disconnecting…" confirm={`Disconnect ${label}? Its webhook URL is deleted and nothing more is posted.`}>
            Disconnect
          </ConfirmButton>
        </form>
      </div>
      <div aria-live="polite">
        {tested.message ? <Alert tone={tested.ok ? "success" : "error"}>{tested.message}</Alert> : null}
      </div>
    </div>
  );
}
