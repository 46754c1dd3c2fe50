"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { GoalFormState } from "@/lib/validation/goal";
import { getAccount } from "@/db/queries/account";
import { clearGoal, setGoal } from "@/db/queries/goals";
import { requireUser } from "@/lib/authz";
import { todayInZone } from "@/lib/dates";
import { formValues } from "@/lib/form-data";
import { goalInputSchema } from "@/lib/validation/goal";

/** Sets or replaces the signed-in person's goal. */
export async function saveGoalAction(_prev: GoalFormState, formData: FormData): Promise<GoalFormState> {
  const values = formValues(formData);
  const user = await requireUser("/me");
  const account = await getAccount(user.id);
  const parsed = goalInputSchema(todayInZone(account?.timeZone ?? "UTC")).safeParse(values);
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values, message: "Please correct the highlighted fields. Nothing was saved." };
  }
  await setGoal(user.id, parsed.data);
  revalidatePath("/me");
  return { ok: true, message: `Goal saved: SSI ${parsed.data.targetTotal} by ${parsed.data.targetDate}.` };
}

/** Removes the signed-in person's goal. */
export async function clearGoalAction(): Promise<void> {
  const user = await requireUser("/me");
  await clearGoal(user.id);
  revalidatePath("/me");
}
