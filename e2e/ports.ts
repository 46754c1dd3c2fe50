// Every port the end-to-end suite listens on, fixed as offsets from E2E_PORT so that a run stays inside ten
// ports of its own (machines shared by several runs give each a range of ten: E2E_PORT to E2E_PORT + 9).
// Helpers that need no fixed port (mail sink, stand-in pages, e2e/sso.spec.ts's provider and servers) take one the
// kernel chooses, outside any range.
const base = Number(process.env.E2E_PORT ?? 3100);

export const E2E_PORTS = {
  /** The suite's own server (playwright.config.ts). */
  suite: base,
  /** e2e/database-outage.spec.ts: its app and the TCP proxy in front of PostgreSQL. */
  outageApp: base + 1,
  outageProxy: base + 2,
  /** The stand-in for Slack / Teams webhooks (e2e/channel.spec.ts), allowed by the suite's server. */
  webhookStandIn: base + 3,
  /** e2e/email-links.spec.ts: one port per test that runs a server (they may run at the same time). */
  linksOrigin: base + 6,
  linksRefusals: base + 7,
  linksHttps: base + 8,
} as const;
