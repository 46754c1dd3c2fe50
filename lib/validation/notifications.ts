import type { ActionState } from "./action-state";

/** The email preferences form. */
export type NotificationsState = ActionState<never>;

/** The one-click unsubscribe page's form: `done` once the address is off the list. */
export type UnsubscribeState = ActionState<never> & { done?: boolean };
