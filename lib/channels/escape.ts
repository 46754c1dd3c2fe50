// Escaping people's and teams' names for each channel format. Names are typed by anyone in the team, so
// `<!channel>` must not ping, `*bold*` must not format, `{{DATE(…)}}` must not be evaluated.

/** Slack's three control characters, as the entities Slack decodes for display (its documented escaping). */
export function slackEntities(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// A word joiner after "@" keeps a literal "@channel" / "@here" from ever being read as a broadcast.
const atBroadcast = (text: string) => text.replace(/@(channel|here|everyone)/gi, "@\u2060$1");

/**
 * For Slack `plain_text` objects (used for every name in Block Kit): no formatting is parsed there, only the
 * control characters need escaping. Sent with `emoji: false`, so `:smile:` stays text too.
 */
export function slackPlain(text: string): string {
  return slackEntities(atBroadcast(text));
}

// mrkdwn has no escape for its formatting characters: they are swapped for look-alikes that never format.
const MRKDWN_LOOKALIKES: Record<string, string> = { "*": "∗", _: "ˍ", "~": "∼", "`": "ˋ" };

/** For Slack mrkdwn (the plain-text fallback, which Slack formats): control characters and formatting defused. */
export function slackMrkdwn(text: string): string {
  return slackPlain(text).replace(/[*_~`]/g, (c) => MRKDWN_LOOKALIKES[c]!);
}

/**
 * For Adaptive Card `TextRun`s (used for every name in a Teams card): TextRun never parses Markdown, but Teams
 * still evaluates `{{DATE()}}` / `{{TIME()}}` functions, so their braces are kept apart.
 */
export function teamsRun(text: string): string {
  return atBroadcast(text).replace(/\{\{/g, "{\u200B{").replace(/\}\}/g, "}\u200B}");
}

/** For Adaptive Card TextBlock Markdown (not used for names; for any text that must go into one). */
export function teamsMarkdown(text: string): string {
  return teamsRun(text).replace(/[\\*_~`[\]()#>+\-.!<]/g, (c) => `\\${c}`);
}
