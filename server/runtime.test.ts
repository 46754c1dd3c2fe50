import { describe, expect, it } from "vitest";
import { isDatabaseError, databaseErrorKind, prettyLine } from "./runtime.mjs";

describe("log lines for a terminal", () => {
  it("reads as time, level, message and fields", () => {
    const line = JSON.stringify({ level: 30, time: "2026-01-02T03:04:05.678Z", msg: "request", method: "GET", route: "/t/[slug]", status: 200, durationMs: 12.5 });
    expect(prettyLine(line)).toBe("03:04:05.678 INFO  request  method=GET route=/t/[slug] status=200 durationMs=12.5\n");
  });
  it("passes a line that is not JSON through", () => {
    expect(prettyLine("▲ Next.js 16")).toBe("▲ Next.js 16");
  });
});

describe("database errors, for ssi_db_errors_total", () => {
  it("tells a connection failure from a refused statement, and ignores other errors", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const wrapped = Object.assign(new Error("Failed query"), { name: "DrizzleQueryError", cause: Object.assign(new Error("duplicate key"), { code: "23505" }) });
    expect(isDatabaseError(refused)).toBe(true);
    expect(databaseErrorKind(refused)).toBe("connection");
    expect(isDatabaseError(wrapped)).toBe(true);
    expect(databaseErrorKind(wrapped)).toBe("query");
    expect(isDatabaseError(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseError(Object.assign(new Error("no such file"), { code: "ENOENT" }))).toBe(false);
  });
});
