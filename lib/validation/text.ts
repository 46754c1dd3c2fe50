/** True when text holds a control character (NUL, tab, newline, escape …): PostgreSQL cannot store NUL at all. */
export const hasControlChars = (text: string) => /\p{Cc}/u.test(text);
