import { expect, test } from "@playwright/test";
import { newPerson } from "./factories";
import { AuthPages } from "./pages/auth";

test.describe("accounts", () => {
  test("a new person signs up, signs out and signs back in", async ({ page }) => {
    const auth = new AuthPages(page);
    const ana = newPerson("ana");
    await auth.signUp(ana);
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("heading", { name: `Welcome, ${ana.name.split(" ")[0]}` })).toBeVisible();
    await expect(page.getByRole("button", { name: `Account menu for ${ana.name}` })).toBeVisible();

    await auth.signOut();
    await page.goto("/teams");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteams/);

    await auth.signIn(ana.email.toUpperCase(), ana.password, { from: "current" });
    await expect(page).toHaveURL(/\/teams$/);
    await expect(page.getByRole("button", { name: `Account menu for ${ana.name}` })).toBeVisible();
  });

  test("a wrong password is refused with a message and keeps the email", async ({ page }) => {
    const auth = new AuthPages(page);
    const bo = newPerson("bo");
    await auth.signUpAndLand(bo);
    await auth.signOut();

    await auth.signIn(bo.email, "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password don't match an account.");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(bo.email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(page).toHaveURL(/\/sign-in/);

    // An unknown email gets the very same answer: sign-in does not reveal who has an account.
    await auth.signIn(`nobody-${bo.email}`, "whatever-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password don't match an account.");
  });

  test("sign-up refuses a duplicate email, a weak password and empty fields, field by field", async ({ page }) => {
    const auth = new AuthPages(page);
    const cy = newPerson("cy");
    await auth.signUpAndLand(cy);
    await auth.signOut();

    await auth.signUp({ ...cy, name: "Someone Else" });
    await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
    await expect(page.getByLabel("Your name")).toHaveValue("Someone Else");
    await expect(page.getByLabel("Work email")).toHaveValue(cy.email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");

    const dee = newPerson("dee");
    await auth.signUp({ ...dee, password: "short" });
    await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/Use at least 10 characters/);

    await page.goto("/sign-up");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter a password.")).toBeVisible();

    await page.getByLabel("Your name").fill("Dee");
    await page.getByLabel("Work email").fill("dee-at-example");
    await page.getByLabel("Password", { exact: true }).fill(dee.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address, like name@company.com.")).toBeVisible();

    // None of the refused attempts created an account.
    await auth.signIn(dee.email, dee.password);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password don't match an account.");
  });

  test("a signed-out visitor is sent to sign in and brought back afterwards", async ({ page }) => {
    const auth = new AuthPages(page);
    const eve = newPerson("eve");
    await auth.signUpAndLand(eve);
    await auth.signOut();

    await page.goto("/teams?tab=all");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteams%3Ftab%3Dall$/);
    await auth.signIn(eve.email, eve.password, { from: "current" });
    await expect(page).toHaveURL(/\/teams\?tab=all$/);
  });

  test("unknown pages get the designed 404 page, signed in or not", async ({ page }) => {
    let res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();

    await new AuthPages(page).signUpAndLand(newPerson("fay"));
    res = await page.goto("/teams/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  });

  test("the health check reports the database", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: { reachable: true } });
  });
});
