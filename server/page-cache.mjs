// The rendered-page cache in front of Next (server/preload.mjs sends every request through handleWithPageCache).
// The app registers, at start (server/page-cache-key.ts), a key function for the pages it may answer: the board and
// the dashboard, checked per request as the pages check them (session, person, membership, the team's data
// version read from the database). Here, with that key:
//   - a hit is written straight from memory: the stored status, headers and body, with a fresh CSP nonce put
//     where the rendered one was (in the body and in the Content-Security-Policy header), gzip when accepted
//     (compressed once, on the first gzip hit, in pieces around the nonce: later hits compress nothing), never a
//     stored Set-Cookie;
//   - a miss goes to Next as usual (streamed, compressed by Next), while a copy of what it writes is kept and
//     stored once the response finished normally, only when it is a 200 text/html page without Set-Cookie.
// Plain JavaScript: the preload runs before anything could compile TypeScript. The cache itself (an LRU bounded by
// bytes) is handed over by the app with the key function, so this file holds no state of its own.
import zlib from "node:zlib";
import client from "prom-client";
import { runtime } from "./runtime.mjs";

const rt = runtime();

/** The app's side (server/page-cache-key.ts): from then on the board and dashboard are answered through the cache. */
export function configurePageCache(config) {
  rt.pageCache = { ...config, metrics: rt.pageCache?.metrics ?? pageCacheMetrics() };
}

function pageCacheMetrics() {
  const registers = [rt.metrics.registry];
  return {
    requests: new client.Counter({
      name: "ssi_page_cache_requests_total",
      help: "Board and dashboard requests by how the rendered-page cache answered (hit, miss, stored, pass).",
      labelNames: ["outcome"],
      registers,
    }),
    bytes: new client.Gauge({
      name: "ssi_page_cache_bytes",
      help: "Bytes kept by the rendered-page cache (PAGE_CACHE_MAX_MB bounds it).",
      registers,
      collect() {
        this.set(rt.pageCache?.store?.calculatedSize ?? 0);
      },
    }),
  };
}

/** Requests from Next's client router (RSC payloads, prefetches, actions): never answered from the cache. */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url", "next-hmr-refresh"];

/** Response headers that are per response, or recomputed for each: never stored. */
const NOT_STORED = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "x-request-id", "set-cookie"]);

/**
 * Answers a request from the cache when the app's key function gives a key and a page is stored under it, else
 * passes it to `next` (Next's handler), keeping the answer when it may. `store` is the request's log context.
 */
export function handleWithPageCache(req, res, store, next) {
  const cache = rt.pageCache;
  const url = req.url ?? "/";
  if (!cache || (req.method !== "GET" && req.method !== "HEAD") || !url.startsWith("/t/") || ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) {
    return next();
  }
  const q = url.indexOf("?");
  const keyRequest = {
    path: q === -1 ? url : url.slice(0, q),
    query: q === -1 ? "" : url.slice(q + 1),
    cookie: req.headers.cookie,
    // As Next sets it for the page (router-server: `x-forwarded-proto ??= https or http`), which readSession reads.
    forwardedProto: req.headers["x-forwarded-proto"] ?? (req.socket?.encrypted ? "https" : "http"),
    userAgent: req.headers["user-agent"],
  };
  let found;
  cache.keyFor(keyRequest).then(
    (k) => (found = k),
    (err) => rt.log.warn({ requestId: store.requestId, err: { message: err?.message } }, "page cache: key failed; rendering"),
  ).finally(() => {
    if (!found) {
      cache.metrics.requests.inc({ outcome: "pass" });
      return next();
    }
    store.userId = found.userId;
    const entry = cache.store.get(found.key);
    if (entry) {
      store.cache = "hit";
      cache.metrics.requests.inc({ outcome: "hit" });
      const gzip = acceptsGzip(req.headers["accept-encoding"]);
      if (gzip && !entry.body.deflated) {
        // Compressed on its first gzip hit, not when stored: most pages seen once are never asked for again.
        entry.body.deflated = deflatedPieces(entry.body.plain);
        entry.size += entry.body.deflated[0].buffer.byteLength;
        cache.store.set(found.key, entry); // counted again at its new size
      }
      return writeStored(req, res, entry, cache.newNonce(), gzip);
    }
    store.cache = "miss";
    cache.metrics.requests.inc({ outcome: "miss" });
    if (req.method === "GET") keepAnswer(res, cache, found.key);
    return next();
  }).catch((err) => rt.log.error({ requestId: store.requestId, err: { message: err?.message } }, "page cache: request failed"));
}

// ---- a hit --------------------------------------------------------------------------------------------------------

/** Whether the client takes gzip (Accept-Encoding lists it, or *, without q=0). */
export function acceptsGzip(header) {
  if (typeof header !== "string") return false;
  let star = false;
  for (const part of header.toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const refused = q !== undefined && Number(q.slice(2)) === 0;
    if (coding === "gzip") return !refused;
    if (coding === "*") star = !refused;
  }
  return star;
}

function writeStored(req, res, entry, nonce, gzip) {
  res.statusCode = entry.status;
  for (const [name, value] of entry.headers) res.setHeader(name, Array.isArray(value) ? value.join(nonce) : value);
  const body = gzip ? gzipBody(entry.body, nonce) : plainBody(entry.body, nonce);
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** The stored body with `nonce` between its pieces. */
export function plainBody(body, nonce) {
  const n = Buffer.from(nonce, "latin1");
  const parts = [];
  body.plain.forEach((p, i) => (i === 0 ? parts.push(p) : parts.push(n, p)));
  return Buffer.concat(parts);
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * The stored body as one gzip member with `nonce` between its pieces: each piece was deflated once, ending on a full
 * flush (byte-aligned, no reference back into the piece before), so the nonce goes between them as a stored block;
 * only the CRC-32 of the whole is computed per response.
 */
export function gzipBody(body, nonce) {
  body.deflated ??= deflatedPieces(body.plain);
  const n = Buffer.from(nonce, "latin1");
  const stored = Buffer.alloc(5);
  stored.writeUInt16LE(n.length, 1);
  stored.writeUInt16LE(~n.length & 0xffff, 3);
  const parts = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  body.plain.forEach((p, i) => {
    if (i > 0) {
      parts.push(stored, n);
      crc = zlib.crc32(n, crc);
      size += n.length;
    }
    parts.push(body.deflated[i]);
    crc = zlib.crc32(p, crc);
    size += p.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  parts.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(parts);
}

// ---- a miss -------------------------------------------------------------------------------------------------------

/**
 * Splits a rendered body at every occurrence of its nonce (`deflated`: the pieces for gzip, made on first use).
 * The pieces are views into one buffer of the body's own size: a Buffer per piece would each hold a slice of a
 * shared 8 KiB pool (or of zlib's 16 KiB output chunk), so ~30 small pieces a page kept far more than they count.
 */
export function storedBody(body, nonce) {
  const own = Buffer.from(body); // one allocation of exactly the body's size, not shared with any pool
  const n = Buffer.from(nonce, "latin1");
  const plain = [];
  let from = 0;
  for (let at = own.indexOf(n); at !== -1; at = own.indexOf(n, from)) {
    plain.push(own.subarray(from, at));
    from = at + n.length;
  }
  plain.push(own.subarray(from));
  return { plain, deflated: null };
}

/** Each piece deflated on its own, ending on a full flush (byte-aligned, referring to nothing before it), as views into one buffer. */
export function deflatedPieces(plain) {
  const pieces = plain.map((p) => zlib.deflateRawSync(p, { finishFlush: zlib.constants.Z_FULL_FLUSH }));
  const own = Buffer.concat(pieces);
  let at = 0;
  return pieces.map((p) => own.subarray(at, (at += p.length)));
}

const DECODERS = {
  identity: (b) => b,
  gzip: (b) => zlib.gunzipSync(b),
  br: (b) => zlib.brotliDecompressSync(b),
  deflate: (b) => zlib.inflateSync(b),
};

/**
 * What may be stored of a finished response (its status, headers and the bytes written, as sent), or null: only a
 * complete 200 text/html page without Set-Cookie, with a CSP nonce, in an encoding this can read.
 */
export function entryOf({ status, headers, chunks }) {
  const type = String(headers["content-type"] ?? "");
  if (status !== 200 || !type.startsWith("text/html") || headers["set-cookie"] !== undefined) return null;
  const decode = DECODERS[String(headers["content-encoding"] ?? "identity").toLowerCase()];
  const csp = headers["content-security-policy"];
  const nonce = typeof csp === "string" ? /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1] : undefined;
  if (!decode || !nonce) return null;
  const body = storedBody(decode(Buffer.concat(chunks)), nonce);
  const kept = [];
  let size = 256;
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_STORED.has(name)) continue;
    const v = Array.isArray(value) ? value.join(", ") : String(value);
    kept.push([name, name === "content-security-policy" ? v.split(nonce) : v]);
    size += name.length + v.length;
  }
  if (!kept.some(([name, v]) => name === "vary" && /accept-encoding/i.test(String(v)))) {
    const i = kept.findIndex(([name]) => name === "vary");
    if (i === -1) kept.push(["vary", "Accept-Encoding"]);
    else kept[i] = ["vary", `${kept[i][1]}, Accept-Encoding`];
  }
  size += body.plain[0].buffer.byteLength; // the one buffer every piece is a view of
  return { status, headers: kept, body, size };
}

/** Copies what Next writes for this response and stores it under `key` once it finished normally. */
function keepAnswer(res, cache, key) {
  const chunks = [];
  let bytes = 0;
  let over = false;
  const keep = (chunk, encoding) => {
    if (over || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const b = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
    bytes += b.length;
    if (bytes > cache.maxEntryBytes) {
      over = true;
      chunks.length = 0;
    } else chunks.push(b);
  };
  const write = res.write;
  const end = res.end;
  res.write = function (chunk, encoding, cb) {
    keep(chunk, encoding);
    return write.call(this, chunk, encoding, cb);
  };
  res.end = function (chunk, encoding, cb) {
    keep(chunk, encoding);
    return end.call(this, chunk, encoding, cb);
  };
  // "finish" only when the whole response was handed to the socket; an aborted one ends with "close" alone.
  res.once("finish", () => {
    if (over) return;
    setImmediate(() => {
      try {
        const entry = entryOf({ status: res.statusCode, headers: res.getHeaders(), chunks });
        if (!entry || entry.size > cache.maxEntryBytes) return;
        cache.store.set(key, entry);
        cache.metrics.requests.inc({ outcome: "stored" });
      } catch (err) {
        rt.log.warn({ err: { message: err?.message } }, "page cache: could not keep a page");
      }
    });
  });
}
