/*
 * Request bodies are read only up to a limit chosen per endpoint, never whole into memory first: a declared
 * Content-Length over the limit is refused before a byte is read, and a body without one (chunked) is read in
 * pieces and abandoned as soon as it passes the limit.
 */

/** The most each endpoint reads. A snapshot is a dozen numbers; Auth.js's forms are an email, a password, a token. */
export const BODY_LIMITS = {
  apiJson: 8 * 1024,
  authForm: 16 * 1024,
} as const;

/** The body's bytes, or "too_large" when it is (or says it is) longer than `limit` bytes. */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | "too_large"> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) return "too_large";
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return "too_large";
    }
    parts.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.byteLength;
  }
  return body;
}

/** The sentence of a 413 answer, e.g. "The request body is too large: at most 8 KB." */
export const tooLargeMessage = (limit: number) => `The request body is too large: at most ${Math.round(limit / 1024)} KB.`;

/**
 * 413 with a JSON error in the API's shape. `Connection: close` tells the client (and Node) that the rest of
 * an oversized upload will not be read on this connection.
 */
export function bodyTooLarge(limit: number): Response {
  return Response.json(
    { error: { code: "too_large", message: tooLargeMessage(limit) } },
    { status: 413, headers: { "Cache-Control": "no-store", Connection: "close" } },
  );
}
