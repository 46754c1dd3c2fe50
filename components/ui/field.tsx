import type { ComponentProps, ReactNode } from "react";

type FieldProps = ComponentProps<"input"> & {
  label: ReactNode;
  name: string;
  errors?: string[];
  hint?: ReactNode;
};

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field({ label, name, errors, hint, id, className = "", ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`;
  const errorId = `${fieldId}-error`;
  const hintId = `${fieldId}-hint`;
  const invalid = !!errors?.length;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={fieldId} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={fieldId}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`min-h-10 rounded-md border bg-surface px-3 py-2 text-base sm:text-sm ${invalid ? "border-danger" : "border-line"}`}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <p id={errorId} aria-live="polite" className="text-sm text-danger empty:hidden">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
