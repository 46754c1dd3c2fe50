"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FieldError } from "@/components/ui/field";
import { PreviewTable } from "@/components/ui/preview-table";
import { SelectField } from "@/components/ui/select-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/validation/action-state";
import { BULK_INVITE_MAX_BYTES, BULK_INVITE_MESSAGES, type BulkInviteState, type BulkInviteStatus } from "@/lib/validation/invitation";

const STATUS: Record<BulkInviteStatus, { label: string; row: string; className: string }> = {
  new: { label: "New", row: "Will be invited", className: "border-up/40 bg-ok-soft" },
  member: { label: "Already members", row: "Already a member", className: "border-line bg-raised" },
  pending: { label: "Already invited", row: "Already invited", className: "border-warn/40 bg-warn-soft" },
  invalid: { label: "Not addresses", row: "Not an address", className: "border-danger/40 bg-danger-soft" },
  repeat: { label: "Repeated", row: "Repeated", className: "border-line bg-raised" },
};

type BulkInviteRow = NonNullable<BulkInviteState["rows"]>[number];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Paste a list or upload a CSV → preview of every entry → send every new invitation at once. */
export function BulkInviteForm({ action }: { action: FormAction<BulkInviteState> }) {
  const [state, formAction] = useActionState(action, {});
  const [fileTooLarge, setFileTooLarge] = useState(false);
  const [resend, setResend] = useState(false);
  const v = state.values;
  const fileErrors = fileTooLarge ? [BULK_INVITE_MESSAGES.fileTooLarge] : state.fieldErrors?.file;
  const toSend = state.counts ? state.counts.new + (resend ? state.counts.pending : 0) : 0;
  const outcome = (r: BulkInviteRow) => (
    <>
      <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${STATUS[r.status].className}`}>
        {r.status === "pending" && resend ? "Will be invited again" : STATUS[r.status].row}
      </span>
      {r.note ? <span className="mt-1 block text-xs">{r.note}</span> : null}
    </>
  );
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <form action={formAction} className="grid min-w-0 gap-4" key={`${state.phase}|${JSON.stringify(v ?? {})}`}>
        <input type="hidden" name="intent" value="preview" />
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="bulk-list" className="text-sm font-medium">
            People to invite
          </label>
          <textarea
            id="bulk-list"
            name="list"
            rows={6}
            defaultValue={v?.list}
            aria-describedby="bulk-list-hint bulk-list-error"
            aria-invalid={state.fieldErrors?.list ? true : undefined}
            placeholder={"ana@company.com\nBen Ode <ben@company.com>"}
            className="min-h-32 rounded-md border border-line bg-surface px-3 py-2 font-mono text-base sm:text-sm"
          />
          <p id="bulk-list-hint" className="text-xs text-muted">
            One a line: an address, or Name &lt;address&gt; as your address book copies it; a column pasted from a spreadsheet works too. Up to 100
            people at a time.
          </p>
          <FieldError id="bulk-list-error" errors={state.fieldErrors?.list} />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="bulk-file" className="text-sm font-medium">
            Or a CSV file of names and emails
          </label>
          <input
            id="bulk-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            aria-describedby="bulk-file-error"
            aria-invalid={fileErrors ? true : undefined}
            onChange={(e) => {
              const big = (e.currentTarget.files?.[0]?.size ?? 0) > BULK_INVITE_MAX_BYTES;
              e.currentTarget.setCustomValidity(big ? BULK_INVITE_MESSAGES.fileTooLarge : "");
              setFileTooLarge(big);
            }}
            className="min-h-10 min-w-0 rounded-md border border-line bg-surface px-3 py-2 text-sm"
          />
          <FieldError id="bulk-file-error" errors={fileErrors} />
        </div>
        <div className="grid gap-4 sm:grid-cols-[10rem_10rem_auto] sm:items-start">
          <SelectField label="Role for everyone" name="role" id="bulk-role" defaultValue={v?.role ?? "member"} errors={state.fieldErrors?.role}>
            <option value="member">Member</option>
            <option value="manager">Manager</option>
          </SelectField>
          <SelectField label="Invitations valid for" name="expiresInDays" id="bulk-expires" defaultValue={v?.expiresInDays ?? "7"} errors={state.fieldErrors?.expiresInDays}>
            {[1, 3, 7, 14, 30].map((d) => (
              <option key={d} value={d}>
                {plural(d, "day")}
              </option>
            ))}
          </SelectField>
          <div className="sm:pt-6">
            <SubmitButton variant="secondary" pendingLabel="Checking…">
              Preview invitations
            </SubmitButton>
          </div>
        </div>
      </form>

      {state.phase === "done" && state.sent ? (
        <Alert tone="success" title={`Sent ${plural(state.sent.length, "invitation")}`}>
          <p>
            {state.emailed
              ? "Each person gets an email with their own link, which works once and only for their address."
              : "This server sends no email: pass each person their link yourself. Each works once, only for that address."}
          </p>
          <details className="mt-2">
            <summary className="cursor-pointer">The {plural(state.sent.length, "link")}</summary>
            <ul className="mt-2 flex flex-col gap-1">
              {state.sent.map((s) => (
                <li key={s.email} className="wrap-anywhere">
                  <span className="font-medium">{s.email}</span>: <code className="text-xs">{s.link}</code>
                </li>
              ))}
            </ul>
          </details>
        </Alert>
      ) : null}

      {state.phase === "preview" && state.rows && state.counts ? (
        <section aria-labelledby="bulk-preview-title" className="flex min-w-0 flex-col gap-3" data-testid="bulk-invite-preview">
          <h3 id="bulk-preview-title" className="text-base font-semibold">
            Preview{state.source ? ` of ${state.source}` : ""}: nothing has been sent yet
          </h3>
          <ul className="flex flex-wrap gap-2 text-sm" aria-label="Entries by outcome">
            {(Object.keys(STATUS) as BulkInviteStatus[]).map((s) => (
              <li key={s} className={`rounded-full border px-3 py-1 ${STATUS[s].className}`} data-testid={`bulk-count-${s}`}>
                {STATUS[s].label}: <span className="font-semibold tabular-nums">{state.counts![s]}</span>
              </li>
            ))}
          </ul>
          <PreviewTable
            label="Invitation preview"
            caption="What happens to each entry of the list"
            className="max-h-96"
            rows={state.rows}
            rowKey={(r, i) => `${r.line}-${i}`}
            rowProps={(r) => ({ "data-testid": "bulk-row", "data-status": r.status })}
            columns={[
              { header: "Line", cellClassName: "px-3 py-2 tabular-nums", cell: (r) => r.line },
              {
                header: "Person",
                cellClassName: "px-3 py-2 wrap-anywhere sm:max-w-64",
                cell: (r) => (
                  <>
                    {r.email ? (
                      <>
                        {r.name ? <span className="block font-medium">{r.name}</span> : null}
                        <span className={r.name ? "text-xs text-muted" : ""}>{r.email}</span>
                      </>
                    ) : (
                      <span className="font-mono text-xs">{r.text}</span>
                    )}
                    {/* On a phone the outcome goes under the person: three columns left the address a few letters wide. */}
                    <div className="mt-1 sm:hidden">{outcome(r)}</div>
                  </>
                ),
              },
              { header: "Outcome", headerClassName: "hidden px-3 py-2 sm:table-cell", cellClassName: "hidden px-3 py-2 sm:table-cell", cell: outcome },
            ]}
          />
          <form action={formAction} className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="role" value={v?.role ?? "member"} />
            <input type="hidden" name="expiresInDays" value={v?.expiresInDays ?? "7"} />
            <textarea name="list" defaultValue={state.list} hidden readOnly aria-hidden />
            {state.counts.pending ? (
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="resend" className="mt-1 size-4 shrink-0" checked={resend} onChange={(e) => setResend(e.currentTarget.checked)} />
                <span>Send a new invitation to the {plural(state.counts.pending, "person", "people")} already invited (it replaces their pending one)</span>
              </label>
            ) : null}
            {state.message ? <Alert tone="error">{state.message}</Alert> : null}
            <p className="text-sm text-muted">
              {plural(toSend, "invitation")} as {v?.role === "manager" ? "managers" : "members"}; members, repeats, entries that are not addresses
              {resend ? "" : " and people already invited"} are left out.
            </p>
            <div>
              <SubmitButton disabled={toSend === 0} pendingLabel="Sending…">
                {toSend === 0 ? "Nobody to invite" : `Send ${plural(toSend, "invitation")}`}
              </SubmitButton>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
