import { afterEach, describe, expect, it, vi } from "vitest";

type Header = { key: string; value: string };
type Rule = { source: string; headers: Header[] };

/** next.config.js reads the environment when it loads: load a fresh copy under the given variables. */
async function headerRules(env: Record<string, string>): Promise<Rule[]> {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  const { default: config } = await import("../next.config.js");
  return (await config.headers!()) as Rule[];
}
const valueOf = (rules: Rule[], key: string) => rules.flatMap((r) => r.headers).find((h) => h.key === key)?.value;

afterEach(() => vi.unstubAllEnvs());

describe("security headers in next.config.js", () => {
  it("sends HSTS in production over https, and not on plain http or in development", async () => {
    const https = await headerRules({ NODE_ENV: "production", AUTH_URL: "https://ssi.example.com" });
    expect(valueOf(https, "Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    expect(valueOf(await headerRules({ NODE_ENV: "production", AUTH_URL: "http://ssi.example.com" }), "Strict-Transport-Security")).toBeUndefined();
    expect(valueOf(await headerRules({ NODE_ENV: "development", AUTH_URL: "https://ssi.example.com" }), "Strict-Transport-Security")).toBeUndefined();
  });
});
