import { expect, type Page } from "@playwright/test";

/** Page object for My SSI and the account settings. */
export class MePages {
  constructor(readonly page: Page) {}

  async setGoal(target: string, date: string) {
    await this.page.goto("/me");
    await this.page.getByLabel("Target SSI").fill(target);
    await this.page.getByLabel("Reach it by").fill(date);
    await this.page.getByRole("button", { name: "Save goal" }).click();
    // Saved, the page swaps the "Set a goal" form for the goal itself.
    await expect(this.page.getByTestId("goal-card").getByRole("heading")).toContainText(`Goal: SSI ${target}`);
  }

  async setHideComponents(hide: boolean) {
    await this.page.goto("/account");
    const box = this.page.getByLabel("Hide my four components from teammates");
    if (hide) await box.check();
    else await box.uncheck();
    await this.page.getByRole("button", { name: "Save privacy setting" }).click();
    await expect(this.page.getByText(/^Saved: teammates/)).toBeVisible();
  }

  /** Creates a personal access token and returns its secret, shown once. */
  async createToken(name: string): Promise<string> {
    await this.page.goto("/account");
    await this.page.getByLabel("Token name").fill(name);
    await this.page.getByRole("button", { name: "Create token" }).click();
    const secret = this.page.getByTestId("new-token");
    await expect(secret).toHaveValue(/^ssi_/);
    return secret.inputValue();
  }

  async revokeToken(name: string) {
    await this.page.goto("/account");
    await this.page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(this.page.locator(`[data-testid="api-token"][data-token-name="${name}"]`)).toContainText("revoked");
  }
}
