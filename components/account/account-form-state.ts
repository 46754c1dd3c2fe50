/** What every account form's server action returns. */
export type AccountFormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  /** A newly created API token, shown once. */
  secret?: string;
};

export type AccountAction = (prev: AccountFormState, formData: FormData) => Promise<AccountFormState>;
