// Abuse limits and sessions, as a person meets them: the sign-in form's retry message and no lockout, other
// sessions ended by a password change or an account deletion, cookie flags, and cross-site requests refused.
// Every browser context here sends its own X-Forwarded-For, so these specs count against addresses of their
// own and never against 127.0.0.1, which the other specs sign up from.
import type { Browser, APIRequestContext } from "@playwright/test";
import { newIp, type Person } from "./factories";
import { expect, test } from "./fixtures";
import { AuthPages } from "./pages/auth";

/** A browser of its own, signed in to nothing, from an address of its own. */
async function contextFrom(browser: Browser, ip = newIp()) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": ip } });
  const page = await context.newPage();
  return { context, page, auth: new AuthPages(page) };
}

/** Signed in through the form from an address of its own (people.signIn closes it after the test). */
const fromOwnIp = () => ({ extraHTTPHeaders: { "X-Forwarded-For": newIp() } });

test("after too many wrong passwords the form says when to retry; the owner elsewhere still signs in", async ({
  browser,
  people,
}) => {
  // Twelve sign-ins through the form, each slowed down on purpose past the fifth failure.
  test.slow();
  const owner = people.person();
  const home = await contextFrom(browser);

  const attacker = await contextFrom(browser);
  for (let i = 0; i < 10; i++) {
    await attacker.auth.signIn(owner.email, `wrong-password-${i}`);
    await expect(attacker.page.getByRole("main").getByRole("alert")).toHaveText(
      "That email and password don't match an account.",
    );
  }
  // Refused before the password is even checked: the right one gets the same answer, and nothing signs in.
  await attacker.auth.signIn(owner.email, owner.password);
  await expect(attacker.page.getByRole("main").getByRole("alert")).toHaveText(
    "Too many sign-in attempts. Try again in 15 minutes.",
  );
  await expect(attacker.page.getByLabel("Email", { exact: true })).toHaveValue(owner.email);
  await attacker.page.goto("/teams");
  await expect(attacker.page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteams$/);

  // No lockout: from their own address the owner signs straight in.
  await home.auth.signIn(owner.email, owner.password);
  await expect(home.page).toHaveURL(/\/teams$/);
  await expect(home.page.getByRole("button", { name: `Account menu for ${owner.name}` })).toBeVisible();
  await Promise.all([home.context.close(), attacker.context.close()]);
});

test("parallel guesses from rotating addresses get at most the per-account limit of password checks", async ({
  browser,
  playwright,
  baseURL,
  people,
}) => {
  const pia = people.person();
  const home = await contextFrom(browser);

  // One client, 60 wrong passwords at once, each claiming another address in X-Forwarded-For.
  const api = await playwright.request.newContext({ baseURL });
  const csrf = await api.get("/api/auth/csrf", { headers: { "X-Forwarded-For": newIp() } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const guess = (password: string) =>
    api.post("/api/auth/callback/credentials", {
      form: { email: pia.email, password, csrfToken },
      headers: { "X-Forwarded-For": newIp() },
      maxRedirects: 0,
    });
  const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => guess(`wrong-password-${i}`)));
  const statuses = answers.map((r) => r.status());
  const checked = statuses.filter((s) => s === 302);
  expect(checked.length).toBeLessThanOrEqual(25);
  expect(statuses.filter((s) => s === 429)).toHaveLength(60 - checked.length);
  const refused = answers.find((r) => r.status() === 429)!;
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ error: { message: /^Too many sign-in attempts on this account\. Try again in/ } });

  // The cap is per account and bounded in time: the right password is refused too until the window ends, and
  // the form says so.
  await home.auth.signIn(pia.email, pia.password);
  await expect(home.page.getByRole("main").getByRole("alert")).toHaveText(/^Too many sign-in attempts on this account\. Try again in 1[45] minutes\.$/);
  await Promise.all([home.context.close(), api.dispose()]);
});

test("changing the password signs out every other session and keeps this one", async ({ people }) => {
  const ann = people.person();
  const laptop = await people.signIn(ann, fromOwnIp());
  const phone = await people.signIn(ann, fromOwnIp());

  await laptop.page.goto("/account");
  await laptop.page.getByLabel("Current password").fill(ann.password);
  await laptop.page.getByLabel("New password").fill(`${ann.password}-2`);
  await laptop.page.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.page.getByText("Password changed. You were signed out everywhere else.")).toBeVisible();
  await expect(laptop.page).toHaveURL(/\/account\?password=changed/);

  // The other browser still holds its old cookie, which no longer counts as signed in.
  await phone.page.goto("/teams");
  await expect(phone.page).toHaveURL(/\/sign-in(\?|$)/);
  await expect(phone.page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await laptop.page.goto("/teams");
  await expect(laptop.page).toHaveURL(/\/teams$/);
  await expect(laptop.page.getByRole("button", { name: `Account menu for ${ann.name}` })).toBeVisible();

  // The old password is gone; the new one works on the other device.
  await phone.auth.signIn(ann.email, ann.password);
  await expect(phone.page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password don't match an account.",
  );
  await phone.auth.signIn(ann.email, `${ann.password}-2`);
  await expect(phone.page).toHaveURL(/\/teams$/);
});

test("deleting the account ends every session", async ({ people }) => {
  const dan = people.person();
  const laptop = await people.signIn(dan, fromOwnIp());
  const phone = await people.signIn(dan, fromOwnIp());

  await laptop.page.goto("/account");
  await laptop.page.getByLabel(`Type your email, ${dan.email}, to confirm`).fill(dan.email);
  await laptop.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(laptop.page).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(laptop.page.getByText("Your account and all your scores were deleted.")).toBeVisible();

  await phone.page.goto("/teams");
  await expect(phone.page).toHaveURL(/\/sign-in(\?|$)/);
  await expect(phone.page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
});

test("the session cookie is HttpOnly and SameSite=Lax (Secure on https: e2e/email-links.spec.ts)", async ({ people }) => {
  const { context } = await people.signedIn(fromOwnIp());
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
});

/** Posts to Auth.js's credentials callback without its CSRF token: the way a cross-site form would have to. */
async function postWithoutCsrf(api: APIRequestContext, person: Person) {
  return api.post("/api/auth/callback/credentials", {
    form: { email: person.email, password: person.password },
    maxRedirects: 0,
  });
}

test("a sign-in POST without Auth.js's CSRF token signs nobody in", async ({
  people,
  playwright,
  baseURL,
}) => {
  const fay = people.person();

  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { "X-Forwarded-For": newIp(), Origin: "https://evil.example" },
  });
  const res = await postWithoutCsrf(api, fay);
  expect(res.status()).toBe(302);
  expect(res.headers()["location"]).toMatch(/\/sign-in\?error=MissingCSRF/);
  expect((await api.storageState()).cookies.map((c) => c.name)).not.toContain("authjs.session-token");
  const teams = await api.get("/teams", { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(teams.status());
  expect(teams.headers()["location"]).toMatch(/\/sign-in\?callbackUrl=%2Fteams/);
  await api.dispose();
});

test("a server action posted with a foreign Origin is refused and changes nothing", async ({ people }) => {
  const { person: gus, page } = await people.signedIn(fromOwnIp());
  await page.goto("/account");

  // Capture the real "save profile" server action request as the browser sends it, without letting it through.
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/account", async (route) => {
    const req = route.request();
    if (req.method() !== "POST") return route.continue();
    captured = {
      url: req.url(),
      headers: await req.allHeaders(),
      body: req.postDataBuffer() ?? Buffer.alloc(0),
    };
    await route.abort();
  });
  await page.getByLabel("Name", { exact: true }).fill("Renamed From Afar");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute("**/account");

  const replay = (origin: string) => {
    const { cookie: _c, "content-length": _l, host: _h, ...headers } = captured!.headers;
    return page.request.fetch(captured!.url, {
      method: "POST",
      headers: { ...headers, origin },
      data: captured!.body,
    });
  };
  const foreign = await replay("https://evil.example");
  expect(foreign.status()).toBe(403);
  expect(await replay("null").then((r) => r.status())).toBe(403);
  await page.goto("/account");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(gus.name);

  // The very same request from the app's own origin goes through: the refusal above was the Origin check.
  const own = await replay(new URL(captured!.url).origin);
  expect(own.status()).toBe(200);
  await page.goto("/account");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Renamed From Afar");
});
