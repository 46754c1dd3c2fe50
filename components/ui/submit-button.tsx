"use client";

import { useFormStatus } from "react-dom";
import { Button } from "./button";
import type { ComponentProps } from "react";

/**
 * A submit button that shows progress while its form's action runs. With a name and value (one of several
 * buttons of a form), only the button that was pressed shows it.
 */
export function SubmitButton({ children, pendingLabel, ...props }: ComponentProps<typeof Button> & { pendingLabel?: string }) {
  const status = useFormStatus();
  const pressed = props.name && props.value !== undefined ? status.data?.get(props.name) === String(props.value) : true;
  const pending = status.pending && pressed;
  return (
    <Button type="submit" disabled={status.pending} aria-disabled={status.pending} {...props}>
      {pending ? (
        <>
          <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
