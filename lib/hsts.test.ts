import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./hsts";

describe("Strict-Transport-Security", () => {
  it("is sent in production when the public origin is https, and not on plain http or in development", () => {
    expect(strictTransportSecurity({ NODE_ENV: "production", AUTH_URL: "https://ssi.example.com" })).toBe("max-age=63072000; includeSubDomains");
    expect(strictTransportSecurity({ NODE_ENV: "production", AUTH_URL: "http://ssi.example.com" })).toBeNull();
    expect(strictTransportSecurity({ NODE_ENV: "production" })).toBeNull();
    expect(strictTransportSecurity({ NODE_ENV: "development", AUTH_URL: "https://ssi.example.com" })).toBeNull();
  });
});
