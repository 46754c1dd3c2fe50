import { describe, expect, it } from "vitest";
import { clientIp, normalizeIp } from "./client-ip";

const h = (init: Record<string, string>) => new Headers(init);

describe("clientIp", () => {
  it("without a trusted proxy, takes the connection's address that Next.js puts last in X-Forwarded-For", () => {
    expect(clientIp(h({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("203.0.113.7");
    // A header the client wrote itself sits to the left of what the nearest hop recorded.
    expect(clientIp(h({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), 0)).toBe("203.0.113.7");
  });

  it("behind n proxies, takes the n-th entry from the right and ignores what the client prepended", () => {
    const chain = h({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2" });
    expect(clientIp(chain, 1)).toBe("10.0.0.2");
    expect(clientIp(chain, 2)).toBe("198.51.100.4");
    // Fewer entries than proxies: the leftmost one, never an index outside the list.
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.4" }), 3)).toBe("198.51.100.4");
  });

  it("with TRUST_PROXY=true, takes the first entry", () => {
    expect(clientIp(h({ "x-forwarded-for": "198.51.100.4, 10.0.0.2" }), "all")).toBe("198.51.100.4");
  });

  it("falls back to X-Real-IP, then Forwarded, then 'unknown'", () => {
    expect(clientIp(h({ "x-real-ip": "198.51.100.9" }), 0)).toBe("198.51.100.9");
    expect(clientIp(h({ forwarded: 'for="[2001:db8::1]:4711";proto=https' }), 0)).toBe("2001:db8::1");
    expect(clientIp(h({ forwarded: "for=192.0.2.60;proto=http;by=203.0.113.43" }), 0)).toBe("192.0.2.60");
    expect(clientIp(h({}), 0)).toBe("unknown");
  });

  it("spells one address one way", () => {
    expect(normalizeIp("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normalizeIp("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("x".repeat(500))).toHaveLength(64);
  });
});
