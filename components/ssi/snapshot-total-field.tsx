import { Field } from "@/components/ui/field";
import { TOTAL_TOLERANCE } from "@/lib/ssi";
import { liveSum, totalDisagrees, type LiveValues } from "./snapshot-live";

/**
 * "Total SSI", optional: the hint carries the live sum and, before submit, a warning
 * when the typed total can't be the sum. Both sit in the hint so aria-describedby
 * covers them, and in polite live regions so changes are announced.
 */
export function SnapshotTotalField({
  values,
  errors,
  defaultValue,
}: {
  values: LiveValues;
  errors?: string[];
  defaultValue: string;
}) {
  const sum = liveSum(values);
  const disagrees = totalDisagrees(values, sum);
  return (
    <Field
      label="Total SSI"
      name="total"
      type="text"
      inputMode="decimal"
      autoComplete="off"
      min={0}
      max={100}
      step="0.001"
      placeholder={sum === undefined ? undefined : String(sum)}
      defaultValue={defaultValue}
      errors={errors}
      hint={
        <>
          <span className="block">Optional: leave blank and we use the sum.</span>
          <span aria-live="polite" className="block text-sm font-medium text-fg">
            {sum === undefined ? "Total: enter all four components" : `Total: ${sum} (sum of the four components)`}
          </span>
          <span aria-live="polite" className="block">
            {disagrees ? (
              <span className="mt-1 block rounded border border-warn/40 bg-warn-soft px-2 py-1 text-sm text-fg">
                <strong className="text-warn">Check the total:</strong> it differs from the sum of the four
                components ({sum}) by more than {TOTAL_TOLERANCE}. Correct a component, or leave the total blank.
              </span>
            ) : null}
          </span>
        </>
      }
    />
  );
}
