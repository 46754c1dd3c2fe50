import type { ComponentProps, ReactNode } from "react";

type Wiring = { name: string; id?: string; hint?: ReactNode; errors?: string[] };

/** The ids and aria attributes of a labelled control whose hint and errors are tied to it. */
export function fieldWiring({ name, id, hint, errors }: Wiring) {
  const fieldId = id ?? `field-${name}`;
  const invalid = !!errors?.length;
  const describedBy = [hint ? `${fieldId}-hint` : null, invalid ? `${fieldId}-error` : null].filter(Boolean).join(" ") || undefined;
  return { fieldId, invalid, control: { id: fieldId, name, "aria-invalid": invalid || undefined, "aria-describedby": describedBy } };
}

/** The look of an input or select, red-bordered while invalid. */
export const controlClass = (invalid: boolean) =>
  `min-h-10 rounded-md border bg-surface px-3 py-2 text-base sm:text-sm ${invalid ? "border-danger" : "border-line"}`;

/** A field's errors, announced politely; empty (and hidden) when there are none. */
export function FieldError({ id, errors }: { id: string; errors?: string[] | null }) {
  return (
    <p id={id} aria-live="polite" className="text-sm text-danger empty:hidden">
      {errors?.join(" ")}
    </p>
  );
}

/** Label, control, hint and errors of one field, laid out the same for every kind of control. */
export function FieldFrame({
  label,
  fieldId,
  hint,
  errors,
  className = "",
  children,
}: {
  label: ReactNode;
  fieldId: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={fieldId} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${fieldId}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${fieldId}-error`} errors={errors} />
    </div>
  );
}

type FieldProps = ComponentProps<"input"> & {
  label: ReactNode;
  name: string;
  errors?: string[];
  hint?: ReactNode;
};

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field({ label, name, errors, hint, id, className = "", ...input }: FieldProps) {
  const { fieldId, invalid, control } = fieldWiring({ name, id, hint, errors });
  return (
    <FieldFrame label={label} fieldId={fieldId} hint={hint} errors={errors} className={className}>
      <input {...control} className={controlClass(invalid)} {...input} />
    </FieldFrame>
  );
}
