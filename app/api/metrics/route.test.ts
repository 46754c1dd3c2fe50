import { afterAll, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/db/testing/test-db";

setupTestDatabase();
const saved = process.env.METRICS_TOKEN;
afterAll(() => {
  if (saved === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = saved;
});

/** The route as a server with this METRICS_TOKEN would load it (the environment is read once per process). */
async function route(token: string | undefined) {
  vi.resetModules();
  if (token === undefined) delete process.env.METRICS_TOKEN;
  else process.env.METRICS_TOKEN = token;
  return import("./route");
}

const get = (headers: Record<string, string> = {}) => new Request("http://localhost/api/metrics", { headers });

describe("GET /api/metrics", () => {
  it("does not exist while METRICS_TOKEN is unset", async () => {
    const { GET } = await route(undefined);
    expect((await GET(get({ authorization: "Bearer anything-at-all-0000" }))).status).toBe(404);
  });

  it("answers 401 without the token or with a wrong one, and the metrics with it", async () => {
    const { GET } = await route("a-metrics-token-of-some-length");
    const missing = await GET(get());
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await GET(get({ authorization: "Bearer a-metrics-token-of-some-lengtX" }))).status).toBe(401);
    const ok = await GET(get({ authorization: "Bearer a-metrics-token-of-some-length" }));
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toMatch(/^ssi_outbox_messages\{status="pending"\} 0$/m);
    expect(text).toMatch(/^ssi_db_pool_max \d+$/m);
    expect(text).toContain("# TYPE ssi_http_request_duration_seconds histogram");
    expect(text).toContain("process_resident_memory_bytes");
  });
});
