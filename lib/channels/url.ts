// Which webhook URLs the server may post to. The URL a manager pastes is the only address the server calls for
// a channel, so it is checked here on connect and again before every post (SSRF): https to the two services'
// webhook hosts only, plus the origins an operator allows for tests and self-hosted gateways.
export type ChannelKind = "slack" | "teams";

export const CHANNEL_LABELS: Record<ChannelKind, string> = { slack: "Slack", teams: "Microsoft Teams" };

/** Slack's incoming webhooks (and workflow triggers) live on this one host. */
const SLACK_HOST = "hooks.slack.com";
/** Teams: Power Automate / Workflows webhook hosts, and the retiring Office 365 connector host. */
const TEAMS_HOST_SUFFIXES = [".logic.azure.com", ".api.powerplatform.com", ".webhook.office.com"];
const TEAMS_HOSTS = ["api.powerplatform.com", "api.powerautomate.com"];

export type WebhookCheck =
  | { ok: true; url: URL; kind: ChannelKind | null; hint: string }
  | { ok: false; error: string };

/** Parses the comma-separated allowance (e.g. `http://127.0.0.1:3290`) into origins; ignores anything unparsable. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((s) => {
      try {
        const u = new URL(s);
        return u.protocol === "http:" || u.protocol === "https:" ? [u.origin] : [];
      } catch {
        return [];
      }
    });
}

function serviceOf(url: URL): ChannelKind | null {
  if (url.protocol !== "https:" || (url.port !== "" && url.port !== "443")) return null;
  const host = url.hostname.toLowerCase();
  if (host === SLACK_HOST) return /^\/(services|triggers|workflows)\//.test(url.pathname) ? "slack" : null;
  if (TEAMS_HOSTS.includes(host) || TEAMS_HOST_SUFFIXES.some((s) => host.endsWith(s))) return "teams";
  return null;
}

/** "hooks.slack.com …X9aB": enough to recognise the connection, never enough to use it. */
export function webhookHint(url: URL): string {
  const full = url.href;
  return `${url.host} …${full.slice(-4)}`;
}

/**
 * Checks a pasted webhook URL. `kind` is recognised from a service host; an allowed origin (tests, gateways) has
 * no kind of its own and needs one chosen. Error messages never repeat the URL.
 */
export function checkWebhookUrl(raw: string, allowedOrigins: readonly string[]): WebhookCheck {
  const text = raw.trim();
  if (!text) return { ok: false, error: "Paste the webhook URL." };
  if (text.length > 2000) return { ok: false, error: "That URL is too long to be a webhook URL." };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: "That is not a URL. Paste the whole webhook URL, starting with https://." };
  }
  if (url.username || url.password) return { ok: false, error: "A webhook URL has no user name or password in it." };
  const kind = serviceOf(url);
  if (kind) return { ok: true, url, kind, hint: webhookHint(url) };
  if (allowedOrigins.includes(url.origin)) return { ok: true, url, kind: null, hint: webhookHint(url) };
  return {
    ok: false,
    error:
      "Only Slack (https://hooks.slack.com/services/…) and Microsoft Teams workflow webhook URLs can be connected.",
  };
}

/** The same check at send time: true only when the stored URL may still be called under today's configuration. */
export function mayPostTo(raw: string, allowedOrigins: readonly string[]): boolean {
  return checkWebhookUrl(raw, allowedOrigins).ok;
}
