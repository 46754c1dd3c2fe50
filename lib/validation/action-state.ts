/**
 * What a form's server action returns and its form shows: `ok` after a success, a form-level `message`, the
 * errors per field (`Fields`: the form's field names) and what was typed, so the form keeps it after an error.
 * Each form's state is declared beside its zod schema in lib/validation/, as this type with its own fields
 * (and, where a form shows more, an intersection: `ActionState<"email"> & { link?: string }`).
 */
export type ActionState<Fields extends string = string, Values = Record<string, string>> = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Partial<Record<Fields, string[]>>;
  values?: Values;
};

/** A form's server action as `useActionState` calls it; pages bind the team's slug and hand it to the form. */
export type FormAction<State> = (prev: State, formData: FormData) => Promise<State>;
