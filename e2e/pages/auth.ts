import { expect, type Page } from "@playwright/test";
import type { Person } from "../factories";

/** Page object for the sign-up and sign-in forms. */
export class AuthPages {
  constructor(readonly page: Page) {}

  async signUp(person: Person, opts: { from?: string } = {}) {
    if (opts.from !== "current") await this.page.goto(opts.from ?? "/sign-up");
    await this.page.getByLabel("Your name").fill(person.name);
    await this.page.getByLabel("Work email").fill(person.email);
    await this.page.getByLabel("Password", { exact: true }).fill(person.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn(email: string, password: string, opts: { from?: string } = {}) {
    if (opts.from !== "current") await this.page.goto(opts.from ?? "/sign-in");
    await this.page.getByLabel("Email", { exact: true }).fill(email);
    await this.page.getByLabel("Password", { exact: true }).fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: /Account menu/ }).click();
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByText("You are signed out.")).toBeVisible();
  }

  /** Signs up a fresh person and waits for the app to open. */
  async signUpAndLand(person: Person) {
    await this.signUp(person);
    await expect(this.page).toHaveURL(/\/teams$/);
  }
}
