"use client";

import type { ComponentProps } from "react";
import { SubmitButton } from "./submit-button";

/** A submit button that asks for confirmation first (for deletes and other changes that can't be undone). */
export function ConfirmButton({ confirm, ...props }: ComponentProps<typeof SubmitButton> & { confirm: string }) {
  return (
    <SubmitButton
      {...props}
      onClick={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
      }}
    />
  );
}
