"use client";

import { useActionState } from "react";
import type { MemberActionState } from "@/lib/validation/team";
import { SubmitButton } from "@/components/ui/submit-button";
import { useSuccessToast } from "@/components/ui/toast";
import type { FormAction } from "@/lib/validation/action-state";

type Action = FormAction<MemberActionState>;
type Role = "member" | "manager" | "owner";

/** A refusal shows under the control; a completed change is confirmed by a toast. */
function Feedback({ state }: { state: MemberActionState }) {
  useSuccessToast(state);
  return (
    <p aria-live="polite" className="text-xs text-danger empty:hidden">
      {state.ok ? null : state.message}
    </p>
  );
}

/** Role picker for one member; owners are offered only to owners. */
export function RoleForm({ action, userId, name, role, canMakeOwner }: { action: Action; userId: string; name: string; role: Role; canMakeOwner: boolean }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <select name="role" defaultValue={role} aria-label={`Role of ${name}`} className="min-h-9 rounded-md border border-line bg-surface px-2 text-sm">
          <option value="member">Member</option>
          <option value="manager">Manager</option>
          {canMakeOwner || role === "owner" ? <option value="owner">Owner</option> : null}
        </select>
        <SubmitButton variant="secondary" className="min-h-9 px-3 py-1" aria-label={`Save role of ${name}`} pendingLabel="…">
          Save
        </SubmitButton>
      </div>
      <Feedback state={state} />
    </form>
  );
}

/** A one-button form (remove, transfer) that confirms first and reports its outcome. */
export function MemberButton({ action, userId, label, name, confirm, danger }: { action: Action; userId: string; label: string; name: string; confirm: string; danger?: boolean }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton
        variant={danger ? "ghost-danger" : "ghost"}
        className="min-h-9 px-3 py-1"
        onClick={(e) => {
          if (!window.confirm(confirm)) e.preventDefault();
        }}
      >
        {label}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      <Feedback state={state} />
    </form>
  );
}
