// Single sign-on against a real OpenID Connect provider (e2e/oidc-idp.ts, the `oidc-provider` package) and the
// sign-up policies (issue 20). Each test runs a production server of its own with the generic provider pointing
// at the local identity provider, and drives the whole redirect flow in the browser.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newPerson } from "./factories";
import { AuthPages } from "./pages/auth";
import { TeamPages } from "./pages/team";
import { startIdp, type Idp } from "./oidc-idp";
import { freePort, startServer, type OwnServer } from "./own-server";

const SSO = "Acme SSO";

/**
 * The app's public origin: `localhost`, not 127.0.0.1, because Next.js turns 127.0.0.1 into localhost in a route
 * handler's URL, so Auth.js's callback would send a redirect_uri that differs from the one it authorized with.
 */
const appOrigin = (port: number) => `http://localhost:${port}`;

// Each test has a provider and an app server of its own, on ports the kernel chooses (the provider learns the
// app's redirect URI from the port chosen before either starts), so the tests run in parallel like the others.
let idp: Idp;
let idpPort: number;
let appPort: number;
test.beforeEach(async () => {
  appPort = await freePort();
  do idpPort = await freePort();
  while (idpPort === appPort);
  idp = await startIdp(idpPort, [`${appOrigin(appPort)}/api/auth/callback/oidc`]);
});
test.afterEach(async () => idp?.stop());

async function appServer(vars: Record<string, string> = {}): Promise<OwnServer> {
  const port = appPort;
  return startServer(
    () => ({
      AUTH_URL: appOrigin(port),
      AUTH_OIDC_ISSUER: idp.issuer,
      AUTH_OIDC_ID: idp.clientId,
      AUTH_OIDC_SECRET: idp.clientSecret,
      AUTH_OIDC_NAME: SSO,
      ...vars,
    }),
    { port },
  );
}

async function withServer(server: OwnServer, run: () => Promise<void>) {
  try {
    await run();
  } finally {
    await test.info().attach("server-log", { body: server.log(), contentType: "text/plain" });
    await server.stop();
  }
}

async function browse(browser: Browser, server: OwnServer): Promise<Page> {
  const context = await browser.newContext({ baseURL: appOrigin(server.port) });
  return context.newPage();
}

/**
 * Presses the provider's button, signs in on the identity provider's own pages as `login`, and consents. The
 * page's browser context must not be signed in at the provider yet (each person browses in a context of their own).
 */
async function throughIdp(page: Page, button: string, login: string) {
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL((u) => u.port === String(idpPort));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((u) => u.port !== String(idpPort));
}

/** A person at the identity provider, with a unique login and address. */
function idpPerson(prefix: string, domain: string, verified = true) {
  const p = newPerson(prefix);
  const login = p.email.split("@")[0]!;
  idp.addPerson(login, { email: `${login}@${domain}`, email_verified: verified, name: p.name });
  return { login, email: `${login}@${domain}`, name: p.name };
}

async function signInMethod(page: Page, id: string) {
  return page.locator(`[data-testid="sign-in-method"][data-method="${id}"]`);
}

test("first sign-in with the company's provider creates the account, the second signs in to it; buttons in a fixed order", async ({ browser }) => {
  test.setTimeout(240_000);
  // Google and Entra ID are configured too (their buttons only: they cannot be reached from here).
  const server = await appServer({
    AUTH_GOOGLE_ID: "google-client-id",
    AUTH_GOOGLE_SECRET: "google-client-secret",
    AUTH_MICROSOFT_ENTRA_ID_ID: "entra-client-id",
    AUTH_MICROSOFT_ENTRA_ID_SECRET: "entra-client-secret",
    AUTH_MICROSOFT_ENTRA_ID_TENANT: "organizations",
  });
  await withServer(server, async () => {
    // Someone sets the instance up with a password first (its administrator, address proved: no SMTP).
    const admin = await browse(browser, server);
    await new AuthPages(admin).signUpAndLand(newPerson("admin"));

    const ana = idpPerson("ana", "acme.test");
    const page = await browse(browser, server);
    await page.goto("/sign-in");
    const buttons = page.getByRole("list", { name: "Sign in with your company account" }).getByRole("button");
    await expect(buttons).toHaveText([`Sign in with ${SSO}`, "Sign in with Microsoft", "Sign in with Google"]);
    await page.goto("/sign-up");
    await expect(page.getByRole("list", { name: "Sign up with your company account" }).getByRole("button")).toHaveText([
      `Sign up with ${SSO}`,
      "Sign up with Microsoft",
      "Sign up with Google",
    ]);

    await throughIdp(page, `Sign up with ${SSO}`, ana.login);
    await expect(page).toHaveURL(/\/teams$/);
    const slug = await new TeamPages(page).createTeam(`SSO ${ana.login}`);
    await page.goto("/account");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(ana.name);
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(ana.email);
    await expect(await signInMethod(page, "oidc")).toContainText("Linked");
    // Her only way in: it cannot be unlinked, and there is no password to change.
    await expect((await signInMethod(page, "oidc")).getByText("Your only way to sign in")).toBeVisible();
    await expect(page.getByRole("button", { name: `Unlink ${SSO}` })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Password" })).toHaveCount(0);

    // The second time, in another browser, the same account opens (her team is there).
    const again = await browse(browser, server);
    await again.goto("/sign-in");
    await throughIdp(again, `Sign in with ${SSO}`, ana.login);
    await expect(again).toHaveURL(/\/teams$/);
    await again.goto("/account");
    await expect(again.getByLabel("Email", { exact: true })).toHaveValue(ana.email);
    await again.goto(`/t/${slug}`);
    await expect(again.getByRole("heading", { name: `SSO ${ana.login}` })).toBeVisible();
  });
});

test("an existing account is joined only when the provider verifies the address and the account's is proved; otherwise linked from /account", async ({ browser }) => {
  test.setTimeout(240_000);
  const server = await appServer();
  await withServer(server, async () => {
    // The administrator's address counts as proved (no SMTP: the first account).
    const boss = newPerson("boss");
    const bossPage = await browse(browser, server);
    await new AuthPages(bossPage).signUpAndLand(boss);
    const login = boss.email.split("@")[0]!;

    // The provider says the address is not verified: refused, with how to link it instead.
    idp.addPerson(`${login}-unverified`, { email: boss.email, email_verified: false, name: "Not Boss" });
    const stranger = await browse(browser, server);
    await stranger.goto("/sign-in");
    await throughIdp(stranger, `Sign in with ${SSO}`, `${login}-unverified`);
    await expect(stranger).toHaveURL(/\/sign-in\?error=AccountExists/);
    await expect(stranger.getByRole("alert").filter({ hasText: /\w/ })).toHaveText(
      `An account with this email address already exists. Sign in the way you usually do, then link ${SSO} under Account → Sign-in methods.`,
    );
    await stranger.goto("/account");
    await expect(stranger).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);

    // Verified by the provider and proved here: the provider joins the account.
    idp.addPerson(`${login}-verified`, { email: boss.email, email_verified: true, name: boss.name });
    const bossElsewhere = await browse(browser, server);
    await bossElsewhere.goto("/sign-in");
    await throughIdp(bossElsewhere, `Sign in with ${SSO}`, `${login}-verified`);
    await expect(bossElsewhere).toHaveURL(/\/teams$/);
    await bossElsewhere.goto("/account");
    await expect(bossElsewhere.getByLabel("Email", { exact: true })).toHaveValue(boss.email);
    await expect(await signInMethod(bossElsewhere, "oidc")).toContainText("Linked");

    // An account whose address was never proved is not joined, even for a verified address.
    const carl = newPerson("carl");
    const carlPage = await browse(browser, server);
    await new AuthPages(carlPage).signUpAndLand(carl);
    const carlLogin = carl.email.split("@")[0]!;
    idp.addPerson(carlLogin, { email: carl.email, email_verified: true, name: carl.name });
    const other = await browse(browser, server);
    await other.goto("/sign-in");
    await throughIdp(other, `Sign in with ${SSO}`, carlLogin);
    await expect(other).toHaveURL(/\/sign-in\?error=AccountExists/);

    // Carl links it himself, signed in with his password, from /account; then unlinks it (his password remains).
    await carlPage.goto("/account");
    await expect(await signInMethod(carlPage, "oidc")).toContainText("Not linked");
    await throughIdp(carlPage, `Link ${SSO}`, carlLogin);
    await expect(carlPage).toHaveURL(/\/account\?linked=oidc/);
    await expect(carlPage.getByText(`${SSO} is linked: you can sign in with it from now on.`)).toBeVisible();
    await expect(await signInMethod(carlPage, "oidc")).toContainText("Linked");
    const carlViaSso = await browse(browser, server);
    await carlViaSso.goto("/sign-in");
    await throughIdp(carlViaSso, `Sign in with ${SSO}`, carlLogin);
    await expect(carlViaSso).toHaveURL(/\/teams$/);
    await carlViaSso.goto("/account");
    await expect(carlViaSso.getByLabel("Email", { exact: true })).toHaveValue(carl.email);
    await carlPage.getByRole("button", { name: `Unlink ${SSO}` }).click();
    await expect(await signInMethod(carlPage, "oidc")).toContainText("Not linked");

    // A copy of Carl's cookie taken before he signed out links nobody's provider account to his.
    const copy = await browser.newContext({ baseURL: appOrigin(server.port) });
    await copy.addCookies((await carlPage.context().cookies()).filter((c) => c.domain === "localhost"));
    await new AuthPages(carlPage).signOut();
    const mallet = idpPerson("mallet", "elsewhere.test");
    const copyPage = await copy.newPage();
    await copyPage.goto("/sign-in");
    await throughIdp(copyPage, `Sign in with ${SSO}`, mallet.login);
    await expect(copyPage).toHaveURL(/\/sign-in\?error=SessionEnded/);
    await expect(copyPage.getByRole("alert").filter({ hasText: /\w/ })).toHaveText("Your earlier session had ended, so nothing was linked. Sign in again.");
    // The stale cookie is gone: the next try is an ordinary sign-in (Mallet's own new account).
    await copyPage.getByRole("button", { name: `Sign in with ${SSO}` }).click();
    await expect(copyPage).toHaveURL(/\/teams$/);
    await copyPage.goto("/account");
    await expect(copyPage.getByLabel("Email", { exact: true })).toHaveValue(mallet.email);
    await new AuthPages(carlPage).signIn(carl.email, carl.password);
    await expect(carlPage).toHaveURL(/\/teams$/);
    await carlPage.goto("/account");
    await expect(await signInMethod(carlPage, "oidc")).toContainText("Not linked");
  });
});

test("domains: an address outside the allowed domains cannot sign up through the provider; one inside can", async ({ browser }) => {
  test.setTimeout(240_000);
  const server = await appServer({ AUTH_SIGNUP: "domains", AUTH_SIGNUP_DOMAINS: "acme.test" });
  await withServer(server, async () => {
    const admin = await browse(browser, server);
    await new AuthPages(admin).signUpAndLand(newPerson("admin"));

    const page = await browse(browser, server);
    await page.goto("/sign-up");
    await expect(page.getByTestId("signup-policy")).toContainText("Accounts here are for @acme.test addresses, or for people with an invitation.");
    // A typed address proves nothing: no password form here.
    await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);

    const eve = idpPerson("eve", "elsewhere.test");
    await throughIdp(page, `Sign up with ${SSO}`, eve.login);
    await expect(page).toHaveURL(/\/sign-up\?refused=domain$/);
    await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toHaveText("Accounts on this instance are for @acme.test addresses. Ask your manager for an invitation.");

    // In the domain but not verified by the provider: refused too.
    const mallory = idpPerson("mallory", "acme.test", false);
    const malloryPage = await browse(browser, server);
    await malloryPage.goto("/sign-up");
    await throughIdp(malloryPage, `Sign up with ${SSO}`, mallory.login);
    await expect(malloryPage).toHaveURL(/\/sign-up\?refused=domain_unproved$/);
    await expect(malloryPage.getByRole("alert").filter({ hasText: /\w/ })).toContainText("did not confirm that this @acme.test address is yours");

    const dan = idpPerson("dan", "acme.test");
    const danPage = await browse(browser, server);
    await danPage.goto("/sign-up");
    await throughIdp(danPage, `Sign up with ${SSO}`, dan.login);
    await expect(danPage).toHaveURL(/\/teams$/);
    await danPage.goto("/account");
    await expect(danPage.getByLabel("Email", { exact: true })).toHaveValue(dan.email);
  });
});

test("invite-only: the sign-up page says so and a stranger is refused; an invitation lets an outside address in", async ({ browser }) => {
  test.setTimeout(240_000);
  const server = await appServer({ AUTH_SIGNUP: "invite-only" });
  await withServer(server, async () => {
    // A new instance: its very first account may be created, with a password.
    const first = await browse(browser, server);
    await first.goto("/sign-up");
    await expect(first.getByText("the first one you create here sets it up")).toBeVisible();
    await new AuthPages(first).signUpAndLand(newPerson("owner"));
    const team = new TeamPages(first);
    const slug = await team.createTeam("Invite Only Team");

    // Anyone else: no form, the reason instead; and the provider cannot create an account either.
    const stranger = await browse(browser, server);
    await stranger.goto("/sign-up");
    await expect(stranger.getByTestId("signup-policy")).toContainText("This instance is invite-only.");
    await expect(stranger.getByLabel("Password", { exact: true })).toHaveCount(0);
    await expect(stranger.getByRole("button", { name: `Sign up with ${SSO}` })).toHaveCount(0);
    const sam = idpPerson("sam", "outside.test");
    await stranger.goto("/sign-in");
    await throughIdp(stranger, `Sign in with ${SSO}`, sam.login);
    await expect(stranger).toHaveURL(/\/sign-up\?refused=invite_only$/);
    await expect(stranger.getByRole("alert").filter({ hasText: /\w/ })).toHaveText("This instance is invite-only: you need an invitation link from a manager to create an account.");

    // Olga, outside any domain, is invited by email: the invitation's sign-up page offers the provider.
    const olga = idpPerson("olga", "outside.test");
    const link = await team.invite(slug, olga.email);
    const olgaPage = await browse(browser, server);
    await olgaPage.goto(link);
    await olgaPage.getByRole("link", { name: "Create an account to join" }).click();
    await expect(olgaPage.getByTestId("signup-policy")).toHaveCount(0);
    await throughIdp(olgaPage, `Sign up with ${SSO}`, olga.login);
    await expect(olgaPage).toHaveURL(new RegExp(`${link}$`));
    await olgaPage.getByRole("button", { name: "Join Invite Only Team" }).click();
    await expect(olgaPage).toHaveURL(new RegExp(`/t/${slug}\\?joined=1$`));

    // Someone else holding Olga's (now used) invitation still cannot get in.
    const sam2 = await browse(browser, server);
    await sam2.goto(`/sign-up?callbackUrl=${encodeURIComponent(link)}`);
    await expect(sam2.getByTestId("signup-policy")).toContainText("invite-only");
  });
});

test("AUTH_PASSWORD=off: no password field anywhere, the password endpoint refuses, the provider signs in", async ({ browser }) => {
  test.setTimeout(240_000);
  const server = await appServer({ AUTH_PASSWORD: "off" });
  await withServer(server, async () => {
    const page = await browse(browser, server);
    for (const path of ["/sign-in", "/sign-up"]) {
      await page.goto(path);
      await expect(page.getByRole("button", { name: new RegExp(`^Sign (in|up) with ${SSO}$`) })).toBeVisible();
      await expect(page.locator('input[type="password"]')).toHaveCount(0);
    }
    // The credentials endpoint exists no more: a password post signs nobody in.
    const csrf = (await (await page.request.get("/api/auth/csrf")).json()).csrfToken as string;
    const posted = await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf, email: "someone@acme.test", password: "a-long-password" },
      maxRedirects: 0,
    });
    expect(posted.headers()["location"] ?? "").toMatch(/error=/);
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();

    const ana = idpPerson("ana", "acme.test");
    await page.goto("/sign-up");
    await throughIdp(page, `Sign up with ${SSO}`, ana.login);
    await expect(page).toHaveURL(/\/teams$/);
    await page.goto("/account");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(ana.email);
    await expect(page.locator('input[type="password"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="sign-in-method"][data-method="password"]')).toHaveCount(0);
    await expect((await signInMethod(page, "oidc")).getByText("Your only way to sign in")).toBeVisible();
  });
});
