// What a hostile request costs the server, through the running server: request bodies are refused past a small
// limit before they are read (413 JSON), a stranger's body is refused (401) before it is read, odd redirect
// targets after sign-in stay on this site, and malformed input gets a 4xx, never a 500.
import net from "node:net";
import { newIp } from "./factories";
import { expect, test, type People } from "./fixtures";
import { AuthPages } from "./pages/auth";

/** Each browser here sends an X-Forwarded-For of its own: these specs count against addresses of their own. */
const fromOwnIp = () => ({ extraHTTPHeaders: { "X-Forwarded-For": newIp() } });

/**
 * Sends a request's head and only `sent` bytes of a body that claims to be `declared` bytes long (or a chunked
 * body that keeps coming), and resolves with the status line of whatever the server answers before the body is
 * complete; null when it answers nothing within 15 s (it is waiting for, and reading, the rest of the body).
 */
function answerBeforeBody(
  baseURL: string,
  opts: { path: string; headers?: Record<string, string>; declared?: number; sent: number },
): Promise<{ status: number; body: string } | null> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let data = "";
    let keepSending: ReturnType<typeof setInterval> | undefined;
    const done = (v: { status: number; body: string } | null) => {
      clearInterval(keepSending);
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), 15_000);
    socket.on("error", () => done(data ? parse(data) : null));
    socket.on("data", (d) => {
      data += d.toString("latin1");
      const parsed = parse(data);
      if (parsed && parsed.complete) done(parsed);
    });
    socket.on("connect", () => {
      const chunked = opts.declared === undefined;
      const head = [
        `POST ${opts.path} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        "Content-Type: application/json",
        `X-Forwarded-For: ${newIp()}`,
        chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${opts.declared}`,
        ...Object.entries(opts.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
        "",
        "",
      ].join("\r\n");
      socket.write(head);
      const piece = Buffer.alloc(opts.sent, "a");
      if (!chunked) {
        socket.write(piece);
        return;
      }
      // A chunked upload that does not stop by itself: the server must stop reading it.
      const chunk = () => socket.writable && socket.write(`${piece.length.toString(16)}\r\n${piece.toString()}\r\n`);
      chunk();
      keepSending = setInterval(chunk, 50);
    });
  });
}

function parse(raw: string): { status: number; body: string; complete: boolean } | null {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const head = raw.slice(0, end);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const rest = raw.slice(end + 4);
  const length = /\r\ncontent-length: (\d+)/i.exec(head)?.[1];
  if (length !== undefined) return { status, body: rest, complete: rest.length >= Number(length) };
  // Chunked: "<hex size>\r\n<data>\r\n" … "0\r\n\r\n".
  let body = "";
  for (let at = 0; ; ) {
    const lineEnd = rest.indexOf("\r\n", at);
    if (lineEnd < 0) return { status, body, complete: false };
    const size = parseInt(rest.slice(at, lineEnd), 16);
    if (size === 0) return { status, body, complete: true };
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
    if (at > rest.length) return { status, body, complete: false };
  }
}

async function signedInWithToken(people: People) {
  const { context, page } = await people.signedIn(fromOwnIp());
  await page.goto("/account");
  await page.getByLabel("Token name").fill("Limits");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  return { context, page, token };
}

test("the snapshot API refuses a body past a few KB with 413 before reading it, and a stranger's with 401", async ({ people, baseURL, request }) => {
  const { token } = await signedInWithToken(people);
  const auth = { Authorization: `Bearer ${token}` };

  // A stranger announcing 50 MB is told 401 after a kilobyte: the rest is never waited for.
  const stranger = await answerBeforeBody(baseURL!, { path: "/api/v1/snapshots", declared: 50_000_000, sent: 1024 });
  expect(stranger?.status).toBe(401);
  // A real token announcing 50 MB: 413 with a JSON error, before the body arrives.
  const declared = await answerBeforeBody(baseURL!, { path: "/api/v1/snapshots", headers: auth, declared: 50_000_000, sent: 1024 });
  expect(declared?.status).toBe(413);
  expect(JSON.parse(declared!.body)).toMatchObject({ error: { code: "too_large", message: "The request body is too large: at most 8 KB." } });
  // The same with a chunked body that never ends: reading stops at the limit.
  const endless = await answerBeforeBody(baseURL!, { path: "/api/v1/snapshots", headers: auth, sent: 4096 });
  expect(endless?.status).toBe(413);

  // A well-formed but padded snapshot over the limit is refused too, and saves nothing.
  const padded = await request.post("/api/v1/snapshots", {
    headers: auth,
    data: { brand: 20, people: 20, insights: 20, relationships: 20, note: "x".repeat(20_000) },
  });
  expect(padded.status()).toBe(413);
  const list = await request.get("/api/v1/snapshots", { headers: auth });
  expect((await list.json()).snapshots).toEqual([]);
  // An ordinary one still goes through.
  const ok = await request.post("/api/v1/snapshots", { headers: auth, data: { brand: 20, people: 20, insights: 20, relationships: 20 } });
  expect(ok.status()).toBe(201);
});

test("Auth.js's sign-in endpoint refuses an oversized body with 413", async ({ baseURL }) => {
  const big = await answerBeforeBody(baseURL!, {
    path: "/api/auth/callback/credentials",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    declared: 20_000_000,
    sent: 1024,
  });
  expect(big?.status).toBe(413);
});

for (const [label, callbackUrl] of [
  ["a tab between slashes (%2F%09%2F)", "%2F%09%2Fevil.example"],
  ["a protocol-relative URL", "%2F%2Fevil.example"],
  ["a backslash", "%2F%5Cevil.example"],
  ["a newline", "%2F%0A%2Fevil.example"],
  ["a carriage return", "%2Fteams%0D%0ASet-Cookie:%20x=1"],
  ["a NUL", "%2F%00%2Fevil.example"],
] as const) {
  test(`after sign-in, a callbackUrl with ${label} stays on this site`, async ({ people, baseURL }) => {
    const { context, page } = await people.signedIn(fromOwnIp());
    for (const form of ["/sign-in", "/sign-up"]) {
      const res = await context.request.get(`${form}?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
      expect(res.status(), `${form} answers a redirect, not an error`).toBe(307);
      const location = res.headers()["location"]!;
      expect(new URL(location, baseURL).origin).toBe(new URL(baseURL!).origin);
      expect(location).toBe("/teams");
    }
    // Followed by a browser, it lands in the app.
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await expect(page).toHaveURL(/\/teams$/);
  });
}

test("a signed-out sign-in with a hostile callbackUrl lands in the app, not elsewhere", async ({ browser, people }) => {
  const context = await browser.newContext(fromOwnIp());
  const page = await context.newPage();
  const kim = people.person();
  await new AuthPages(page).signIn(kim.email, kim.password, { from: "/sign-in?callbackUrl=%2F%09%2Fevil.example" });
  await expect(page).toHaveURL(/\/teams$/);
  await context.close();
});

test("a mail id too large for the database is a 404 page, not a 500", async ({ people }) => {
  const { page } = await people.signedIn(fromOwnIp());
  for (const id of ["99999999999999999999", "9223372036854775808", "-1", "1e3", "abc"]) {
    const res = await page.goto(`/mail?id=${id}`);
    expect(res?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
  expect((await page.goto("/mail"))?.status()).toBe(200);
});
