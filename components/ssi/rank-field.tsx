import type { ComponentProps, ReactNode } from "react";

type RankFieldProps = ComponentProps<"input"> & {
  label: ReactNode;
  name: string;
  errors?: string[];
  hint?: ReactNode;
};

/**
 * A "Top [ ] %" input, the way LinkedIn shows SSI ranks. Same ids and aria wiring as
 * `Field`, so errors are announced and tied to the input the same way.
 */
export function RankField({ label, name, errors, hint, id, ...input }: RankFieldProps) {
  const fieldId = id ?? `field-${name}`;
  const errorId = `${fieldId}-error`;
  const hintId = `${fieldId}-hint`;
  const invalid = !!errors?.length;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={fieldId} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-2">
        {/* The hint says "Top %" in words; these only mirror LinkedIn's layout. */}
        <span aria-hidden className="text-sm text-muted">
          Top
        </span>
        <input
          id={fieldId}
          name={name}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          className={`min-h-10 w-28 rounded-md border bg-surface px-3 py-2 text-base sm:text-sm ${invalid ? "border-danger" : "border-line"}`}
          {...input}
        />
        <span aria-hidden className="text-sm text-muted">
          %
        </span>
      </div>
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
