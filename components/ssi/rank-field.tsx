import type { ComponentProps, ReactNode } from "react";
import { controlClass, FieldFrame, fieldWiring } from "@/components/ui/field";

type RankFieldProps = ComponentProps<"input"> & {
  label: ReactNode;
  name: string;
  errors?: string[];
  hint?: ReactNode;
};

/**
 * A "Top [ ] %" input, the way LinkedIn shows SSI ranks, in the same frame as `Field`, so errors are
 * announced and tied to the input the same way.
 */
export function RankField({ label, name, errors, hint, id, ...input }: RankFieldProps) {
  const { fieldId, invalid, control } = fieldWiring({ name, id, hint, errors });
  return (
    <FieldFrame label={label} fieldId={fieldId} hint={hint} errors={errors}>
      <div className="flex items-center gap-2">
        {/* The hint says "Top %" in words; these only mirror LinkedIn's layout. */}
        <span aria-hidden className="text-sm text-muted">
          Top
        </span>
        <input {...control} className={`${controlClass(invalid)} w-28`} {...input} />
        <span aria-hidden className="text-sm text-muted">
          %
        </span>
      </div>
    </FieldFrame>
  );
}
