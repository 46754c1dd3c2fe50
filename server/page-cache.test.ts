import zlib from "node:zlib";
import { LRUCache } from "lru-cache";
import { describe, expect, it } from "vitest";
import { acceptsGzip, entryOf, gzipBody, plainBody } from "./page-cache.mjs";

const NONCE = "QUJDREVGR0hJSktMTU5PUA==";
const page = (nonce: string, filler = "") =>
  `<!DOCTYPE html><html><head><script nonce="${nonce}" src="/_next/a.js"></script></head><body>${filler}<p>Böard — 18.52</p>` +
  `<script nonce="${nonce}">self.__next_f.push([1,"x"])</script><script nonce="${nonce}">self.__next_f.push([1,"y"])</script></body></html>`;
const headers = (extra: Record<string, unknown> = {}) => ({
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`,
  vary: "rsc, next-router-state-tree, Accept-Encoding",
  "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
  "x-request-id": "the-first-request",
  ...extra,
});

describe("a stored page", () => {
  it("is written with the new nonce everywhere the rendered one was, plain and gzip", () => {
    const entry = entryOf({ status: 200, headers: headers({ "content-encoding": "gzip" }), chunks: [zlib.gzipSync(page(NONCE, "x".repeat(5000)))] })!;
    expect(entry).not.toBeNull();
    const fresh = "Wlpaa2tra2xsbGxtbW1tbg==";
    const expected = page(fresh, "x".repeat(5000));
    expect(plainBody(entry.body, fresh).toString("utf8")).toBe(expected);
    const gz = gzipBody(entry.body, fresh);
    expect(zlib.gunzipSync(gz).toString("utf8")).toBe(expected);
    expect(gz.length).toBeLessThan(Buffer.byteLength(expected) / 3);
    const csp = new Map(entry.headers).get("content-security-policy") as string[];
    expect(csp.join(fresh)).toBe(`default-src 'self'; script-src 'self' 'nonce-${fresh}' 'strict-dynamic'`);
  });

  it("keeps neither the request id nor the encoding or length of the rendered answer", () => {
    const entry = entryOf({ status: 200, headers: headers({ "content-encoding": "br", "content-length": "10" }), chunks: [zlib.brotliCompressSync(page(NONCE))] })!;
    const names = entry.headers.map(([n]) => n);
    expect(names).toEqual(expect.arrayContaining(["content-type", "content-security-policy", "vary", "cache-control"]));
    expect(names).not.toEqual(expect.arrayContaining(["x-request-id"]));
    expect(names.filter((n) => ["content-encoding", "content-length", "x-request-id", "set-cookie"].includes(n))).toEqual([]);
    expect(plainBody(entry.body, "n").toString()).toBe(page("n"));
  });

  it("is never made of an answer with Set-Cookie, another status, another type, or no nonce", () => {
    const body = [Buffer.from(page(NONCE))];
    expect(entryOf({ status: 200, headers: headers({ "set-cookie": ["a=1"] }), chunks: body })).toBeNull();
    expect(entryOf({ status: 404, headers: headers(), chunks: body })).toBeNull();
    expect(entryOf({ status: 307, headers: headers(), chunks: body })).toBeNull();
    expect(entryOf({ status: 200, headers: headers({ "content-type": "text/x-component" }), chunks: body })).toBeNull();
    expect(entryOf({ status: 200, headers: headers({ "content-security-policy": "default-src 'self'" }), chunks: body })).toBeNull();
    expect(entryOf({ status: 200, headers: headers({ "content-encoding": "zstd" }), chunks: body })).toBeNull();
  });

  it("counts at least every byte it holds, so an LRU bounded by that size holds no more than its bound", () => {
    const entry = entryOf({ status: 200, headers: headers(), chunks: [Buffer.from(page(NONCE, "row ".repeat(20_000)))] })!;
    // Counted by the memory the pieces hold (their underlying buffers), not only by their lengths.
    const held = (pieces: Buffer[]) => [...new Set(pieces.map((b) => b.buffer))].reduce((n, b) => n + b.byteLength, 0);
    expect(entry.size).toBeGreaterThanOrEqual(held(entry.body.plain));
    gzipBody(entry.body, NONCE);
    expect(held(entry.body.deflated!)).toBeLessThan(held(entry.body.plain) / 3);
    const lru = new LRUCache<string, { size: number }>({ maxSize: Math.floor(entry.size * 3.5), sizeCalculation: (e) => e.size });
    for (let i = 0; i < 10; i++) lru.set(`k${i}`, entry);
    expect(lru.size).toBe(3);
    expect(lru.calculatedSize).toBeLessThanOrEqual(entry.size * 3.5);
  });
});

describe("Accept-Encoding", () => {
  it("takes gzip when listed or allowed by *, not when refused", () => {
    expect(acceptsGzip("gzip")).toBe(true);
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0, *")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
