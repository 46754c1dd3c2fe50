import { describe, expect, it } from "vitest";
import { checkWebhookUrl, parseAllowedOrigins } from "./url";
import { slackMrkdwn, slackPlain, teamsMarkdown, teamsRun } from "./escape";
import { markPassed } from "./content";
import { parseRetryAfter } from "./post";

const allowed = parseAllowedOrigins("http://127.0.0.1:3290, not a url, ftp://x.test");

describe("webhook URL check (SSRF)", () => {
  it("recognises Slack and Teams webhook hosts and shows only the host and last characters", () => {
    const slack = checkWebhookUrl("https://hooks.slack.com/services/T00/B00/abcdefghijklWXYZ", []);
    expect(slack).toMatchObject({ ok: true, kind: "slack", hint: "hooks.slack.com …WXYZ" });
    for (const url of [
      "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s3cret",
      "https://default0a1b.2c.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/x/triggers/manual/paths/invoke?sig=y",
      "https://contoso.webhook.office.com/webhookb2/abc",
    ]) {
      expect(checkWebhookUrl(url, [])).toMatchObject({ ok: true, kind: "teams" });
    }
  });

  it("refuses every other address: internal hosts, plain http, other ports, look-alike hosts, credentials", () => {
    for (const url of [
      "http://hooks.slack.com/services/T/B/x",
      "https://hooks.slack.com:8443/services/T/B/x",
      "https://hooks.slack.com/api/other",
      "https://hooks.slack.com.evil.test/services/T/B/x",
      "https://evil.test/hooks.slack.com/services/T/B/x",
      "https://logic.azure.com.evil.test/workflows/x",
      "http://127.0.0.1:5432/",
      "http://169.254.169.254/latest/meta-data/",
      "http://localhost:3000/api/cron/digest",
      "https://user:pw@hooks.slack.com/services/T/B/x",
      "file:///etc/passwd",
      "javascript:alert(1)",
    ]) {
      const r = checkWebhookUrl(url, allowed);
      expect(r.ok, url).toBe(false);
      if (!r.ok) expect(r.error).not.toContain(url);
    }
  });

  it("allows the configured origins for tests and gateways, without a kind of their own", () => {
    expect(allowed).toEqual(["http://127.0.0.1:3290"]);
    expect(checkWebhookUrl("http://127.0.0.1:3290/hook/abc", allowed)).toMatchObject({ ok: true, kind: null });
    expect(checkWebhookUrl("http://127.0.0.1:3291/hook/abc", allowed).ok).toBe(false);
  });
});

describe("escaping names for each format", () => {
  it("Slack: control characters become entities, broadcasts and mrkdwn formatting are defused", () => {
    expect(slackPlain("<!channel> & <@U123>")).toBe("&lt;!channel&gt; &amp; &lt;@U123&gt;");
    expect(slackPlain("@here")).toBe("@\u2060here");
    expect(slackMrkdwn("*bold* _it_ ~s~ `c`")).toBe("∗bold∗ ˍitˍ ∼s∼ ˋcˋ");
  });
  it("Teams: DATE functions are kept from evaluating; Markdown is backslash-escaped where it would be parsed", () => {
    expect(teamsRun("{{DATE(2017-02-14T06:00:00Z, SHORT)}}")).not.toContain("{{");
    expect(teamsMarkdown("**x** [a](b)")).toBe("\\*\\*x\\*\\* \\[a\\]\\(b\\)");
  });
});

describe("highlight marks and Retry-After", () => {
  it("celebrates the highest round number a new best passes, once", () => {
    expect(markPassed(68, 71)).toBe(70);
    expect(markPassed(65, 85)).toBe(80);
    expect(markPassed(72, 79)).toBeNull();
    expect(markPassed(null, 50)).toBeNull();
  });
  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = new Date("2025-03-03T10:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Mon, 03 Mar 2025 10:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
