import { expect, type Page } from "@playwright/test";

/** Page object for the mail preview, the digest preview and email preferences. */
export class MailPages {
  constructor(readonly page: Page) {}

  /** Opens the mail preview and the newest message whose subject matches. */
  async open(subject: RegExp | string) {
    await this.page.goto("/mail");
    await this.page.getByTestId("mail-list").getByRole("link", { name: subject }).first().click();
    await expect(this.page.getByTestId("mail-subject")).toHaveText(subject);
  }

  /** The HTML part of the message on screen (rendered in its sandboxed frame). */
  get html() {
    return this.page.frameLocator('[data-testid="mail-html"]');
  }

  async textPart() {
    await this.page.getByText("Plain-text part").click();
    // The part is inside a <details>: wait for it to open before a caller reads its text.
    const text = this.page.getByTestId("mail-text");
    await expect(text).toBeVisible();
    return text;
  }

  async previewDigest(slug: string, memberName: string) {
    await this.page.goto(`/t/${slug}/digest`);
    await this.page.getByLabel("Member").selectOption({ label: memberName });
    await this.page.getByRole("button", { name: "Show digest" }).click();
  }
}
