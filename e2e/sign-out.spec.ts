// Signing out ends the session on the server: a copy of the cookie taken before sign-out (a stolen cookie, a
// second tab's request in flight) no longer opens a page, cannot create an API token, and nothing refreshes it.
import type { Browser, Page } from "@playwright/test";
import { newIp } from "./factories";
import { expect, test } from "./fixtures";

const fromOwnIp = () => ({ extraHTTPHeaders: { "X-Forwarded-For": newIp() } });

async function browserAt(browser: Browser) {
  const context = await browser.newContext(fromOwnIp());
  return { context, page: await context.newPage() };
}

/** The "Create token" server action as the browser posts it, captured and held back. */
async function captureCreateToken(page: Page, name: string) {
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/account", async (route) => {
    const req = route.request();
    if (req.method() !== "POST") return route.continue();
    captured = { url: req.url(), headers: await req.allHeaders(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute("**/account");
  const { cookie: _c, "content-length": _l, host: _h, ...headers } = captured!.headers;
  return { ...captured!, headers };
}

test("after sign-out, a copy of the old session cookie gets the sign-in page, mints no token, and is never refreshed", async ({ browser, people }) => {
  const laptop = await people.signedIn(fromOwnIp());
  const { person: ivy, auth } = laptop;

  // Asking for the session reports it without re-issuing the cookie (no fresh 30-day expiry).
  const before = await laptop.context.request.get("/api/auth/session");
  expect(before.status()).toBe(200);
  expect(await before.json()).toMatchObject({ user: { email: ivy.email } });
  expect(before.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")).toEqual([]);

  // What a thief copies: the cookie, and a token-creating request ready to send.
  const stolenCookies = await laptop.context.cookies();
  expect(stolenCookies.map((c) => c.name)).toContain("authjs.session-token");
  await laptop.page.goto("/account");
  const createToken = await captureCreateToken(laptop.page, "Stolen");

  await laptop.page.goto("/teams");
  await auth.signOut();

  const thief = await browserAt(browser);
  await thief.context.addCookies(stolenCookies);
  await thief.page.goto("/account");
  await expect(thief.page).toHaveURL(/\/sign-in(\?|$)/);
  await expect(thief.page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  const session = await thief.context.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  expect(session.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")).toEqual([]);
  await thief.context.request.fetch(createToken.url, { method: "POST", headers: createToken.headers, data: createToken.body });

  // Signed in again, Ivy finds no token she did not create; her other sessions are untouched by the thief.
  await auth.signIn(ivy.email, ivy.password);
  await expect(laptop.page).toHaveURL(/\/teams$/);
  await laptop.page.goto("/account");
  await expect(laptop.page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(laptop.page.getByTestId("api-token")).toHaveCount(0);
  await thief.context.close();
});

test("signing out in one browser leaves the same person's other sessions signed in", async ({ people }) => {
  const joe = people.person();
  const laptop = await people.signIn(joe, fromOwnIp());
  const phone = await people.signIn(joe, fromOwnIp());

  await laptop.auth.signOut();
  await phone.page.goto("/account");
  await expect(phone.page).toHaveURL(/\/account$/);
  await expect(phone.page.getByRole("button", { name: `Account menu for ${joe.name}` })).toBeVisible();
});
