import type { ComponentProps, ReactNode } from "react";

type SelectFieldProps = ComponentProps<"select"> & { label: ReactNode; name: string; errors?: string[]; hint?: ReactNode };

/** A labelled select with announced errors, styled like Field. */
export function SelectField({ label, name, errors, hint, id, children, className = "", ...select }: SelectFieldProps) {
  const fieldId = id ?? `field-${name}`;
  const invalid = !!errors?.length;
  const describedBy = [hint ? `${fieldId}-hint` : null, invalid ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={fieldId} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={fieldId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`min-h-10 rounded-md border bg-surface px-3 py-2 text-base sm:text-sm ${invalid ? "border-danger" : "border-line"}`}
        {...select}
      >
        {children}
      </select>
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <p id={`${fieldId}-error`} aria-live="polite" className="text-sm text-danger empty:hidden">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
