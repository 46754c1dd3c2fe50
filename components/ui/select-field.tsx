import type { ComponentProps, ReactNode } from "react";
import { controlClass, FieldFrame, fieldWiring } from "./field";

type SelectFieldProps = ComponentProps<"select"> & { label: ReactNode; name: string; errors?: string[]; hint?: ReactNode };

/** A labelled select with announced errors, styled like Field. */
export function SelectField({ label, name, errors, hint, id, children, className = "", ...select }: SelectFieldProps) {
  const { fieldId, invalid, control } = fieldWiring({ name, id, hint, errors });
  return (
    <FieldFrame label={label} fieldId={fieldId} hint={hint} errors={errors} className={className}>
      <select {...control} className={controlClass(invalid)} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}
