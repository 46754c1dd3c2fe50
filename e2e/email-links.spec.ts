// Where the links in emails point, and what the running server's configuration decides (issue 15, items 2 and
// 12). Each test runs a production server of its own, configured as the test says at start-up only: the build
// knows nothing of it.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startSmtpSink, type SmtpSink } from "../db/testing/smtp-sink";
import { newPerson } from "./factories";
import { signedUpBrowser } from "./helpers";
import { AuthPages } from "./pages/auth";
import { spawnServer, startServer, type OwnServer } from "./own-server";
import { E2E_PORTS } from "./ports";

const HOSTILE = "evil.example";

/**
 * Every POST from this page (server actions) claims to come in on another host, as curl can: Playwright sends
 * it from Node (a browser will not forge Origin), with Origin matching the forwarded host so that Next.js's
 * cross-site check lets the action run.
 */
async function postFromHostileHost(page: Page) {
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() !== "POST") return route.continue();
    const headers = { ...(await req.allHeaders()), "x-forwarded-host": HOSTILE, origin: `http://${HOSTILE}` };
    await route.fulfill({ response: await route.fetch({ headers }) });
  });
}

/** A server of the test's own has no seeded people: its people sign up through the form. */
const signedUpOn = (browser: Browser, server: OwnServer, prefix: string) => signedUpBrowser(browser, newPerson(prefix), { baseURL: server.base });

test("invitation and reminder links follow the configured origin, not a hostile Host (embedded default: http://localhost:PORT)", async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await startServer(() => ({}), { port: E2E_PORTS.linksOrigin });
  const origin = `http://localhost:${server.port}`;
  try {
    const owner = await signedUpOn(browser, server, "owner");
    const slug = await owner.team.createTeam(`Links ${owner.person.name.split(" ")[1]}`);
    await postFromHostileHost(owner.page);

    // The invitation email and the link shown to copy are built from the same origin.
    await owner.page.goto(`/t/${slug}/members`);
    await owner.page.getByLabel("Email (leave empty for a join link)").fill(newPerson("hire").email);
    await owner.page.getByRole("button", { name: "Create invitation" }).click();
    await expect(owner.page.getByLabel("Invitation link")).toHaveValue(new RegExp(`^${origin}/invite/`));
    await owner.page.reload();
    await owner.page.getByRole("button", { name: "Create invitation" }).click(); // a join link, no email
    const joinLink = owner.page.getByLabel("Invitation link");
    await expect(joinLink).toHaveValue(new RegExp(`^${origin}/invite/`));

    const rep = await signedUpOn(browser, server, "rep");
    await rep.page.goto(new URL(await joinLink.inputValue()).pathname);
    await rep.page.getByRole("button", { name: /^Join / }).click();
    await expect(rep.page).toHaveURL(/\?joined=1$/);

    // A reminder from the dashboard, posted with the hostile headers.
    await owner.page.goto(`/t/${slug}/dashboard`);
    const row = owner.page.locator(`[data-testid="missing-row"][data-member-name="${rep.person.name}"]`);
    await row.getByRole("button", { name: `Remind ${rep.person.name}` }).click();
    await expect(row.getByText("Reminder queued.")).toBeVisible();

    await rep.mail.open(/Reminder: record your SSI/);
    await expect(rep.mail.html.getByRole("link", { name: /record it|Record my SSI/i })).toHaveAttribute("href", `${origin}/t/${slug}/submit`);
    const text = await (await rep.mail.textPart()).innerText();
    expect(text).toContain(`${origin}/t/${slug}/submit`);
    expect(text).not.toContain(HOSTILE);
  } finally {
    await test.info().attach("server-log", { body: server.log(), contentType: "text/plain" });
    await server.stop();
  }
});

test("production on PostgreSQL or with SMTP does not start without AUTH_URL, and says so", async () => {
  test.setTimeout(120_000);
  const cases: [Record<string, string>, string][] = [
    [{ SMTP_URL: "smtp://127.0.0.1:9" }, "SMTP_URL"],
    [{ DATABASE_URL: "postgres://nobody@127.0.0.1:9/none", AUTH_SECRET: randomBytes(32).toString("base64") }, "DATABASE_URL"],
  ];
  for (const [vars, why] of cases) {
    const server = await spawnServer(() => vars, { port: E2E_PORTS.linksRefusals });
    try {
      // Either it exits, or it comes up (the bug): whichever happens first.
      const up = (async () => {
        while (server.exitCode() === null) {
          if (await fetch(`${server.base}/api/health`).then(() => true, () => false)) return "started";
          await new Promise((r) => setTimeout(r, 250));
        }
        return "exited";
      })();
      expect(await Promise.race([server.exited, up]), server.log()).toBe(1);
      expect(server.log()).toContain(`AUTH_URL: is required in production with ${why}`);
    } finally {
      await server.stop();
    }
  }
});

/** A raw HTTP request, so that the Host header is whatever we say (fetch would not send ours). */
function rawRequest(base: string, opts: { method: string; path: string; headers: Record<string, string>; body?: string }) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ hostname, port, method: opts.method, path: opts.path, headers: opts.headers }, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

test.describe("a server given AUTH_URL=https://… and SMTP only when it starts", () => {
  test.describe.configure({ mode: "default" }); // one worker, one server for both
  const publicUrl = "https://ssi.example.com";
  let sink: SmtpSink;
  let server: OwnServer;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    sink = await startSmtpSink();
    server = await startServer(() => ({ AUTH_URL: publicUrl, SMTP_URL: sink.url, AUTH_SECRET: randomBytes(32).toString("base64") }), { port: E2E_PORTS.linksHttps });
  });
  test.afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });

  test("sends Strict-Transport-Security (a server on http does not)", async ({ request }) => {
    const res = await fetch(`${server.base}/sign-in`);
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    // The suite's own server runs on http://127.0.0.1 from the same build.
    expect((await request.get("/sign-in")).headers()["strict-transport-security"]).toBeUndefined();
  });

  test("signs people in with a Secure, HttpOnly, SameSite=Lax session cookie with the __Secure- prefix", async ({ browser }) => {
    // The browser talks to the server directly on http; after sign-up the app sends it on to AUTH_URL's
    // https://ssi.example.com, which does not exist here: the cookie set on the way is what this test reads.
    const context = await browser.newContext({ baseURL: server.base });
    const page = await context.newPage();
    await new AuthPages(page).signUp(newPerson("cookie"));
    const secure = async () => (await context.cookies()).find((c) => c.name === "__Secure-authjs.session-token");
    await expect.poll(secure, { timeout: 20_000 }).toBeTruthy();
    expect(await secure()).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true, path: "/" });
    expect((await context.cookies()).find((c) => c.name === "authjs.session-token")).toBeUndefined();
    await context.close();
  });

  test("emails a sign-in link on AUTH_URL to a magic-link request posted with a hostile Host", async () => {
    const csrf = await rawRequest(server.base, { method: "GET", path: "/api/auth/csrf", headers: { host: HOSTILE, "x-forwarded-host": HOSTILE } });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    const victim = newPerson("victim").email;
    const body = new URLSearchParams({ email: victim, csrfToken, callbackUrl: `https://${HOSTILE}/teams` }).toString();
    const res = await rawRequest(server.base, {
      method: "POST",
      path: "/api/auth/signin/nodemailer",
      headers: { host: HOSTILE, "x-forwarded-host": HOSTILE, "x-forwarded-proto": "https", cookie, "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) },
      body,
    });
    expect(res.status, res.body).toBeLessThan(400);
    await expect.poll(() => sink.received.filter((m) => m.to.includes(victim)).length, { timeout: 20_000 }).toBe(1);
    const mail = sink.received.find((m) => m.to.includes(victim))!;
    expect(mail.text).toMatch(new RegExp(`${publicUrl}/api/auth/callback/nodemailer\\?[^\\s]*token=`));
    expect(mail.html).toContain(`href="${publicUrl}/api/auth/callback/nodemailer?`);
    expect(mail.raw).not.toContain(HOSTILE);
  });
});
