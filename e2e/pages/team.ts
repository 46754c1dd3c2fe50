import { expect, type Page } from "@playwright/test";

/** Page object for team creation, invitations, score submission and the board. */
export class TeamPages {
  constructor(readonly page: Page) {}

  async createTeam(name: string, timeZone = "Europe/Berlin") {
    await this.page.goto("/new-team");
    await this.page.getByLabel("Team name").fill(name);
    await this.page.getByLabel("Time zone").selectOption(timeZone);
    await this.page.getByRole("button", { name: "Create team" }).click();
    await expect(this.page).toHaveURL(/\/t\/[a-z0-9-]+\/members\?created=1$/);
    return new URL(this.page.url()).pathname.split("/")[2]!;
  }

  /** Creates an invitation (email, or a join link when email is empty) and returns the link shown to copy. */
  async invite(slug: string, email: string, role: "member" | "manager" = "member") {
    await this.page.goto(`/t/${slug}/members`);
    await this.page.getByLabel("Email (leave empty for a join link)").fill(email);
    await this.page.getByLabel("Role", { exact: true }).selectOption(role);
    await this.page.getByRole("button", { name: "Create invitation" }).click();
    const link = this.page.getByLabel("Invitation link");
    await expect(link).toHaveValue(/\/invite\//);
    return new URL(await link.inputValue()).pathname;
  }

  async submit(slug: string, s: { brand: string; people: string; insights: string; relationships: string; date?: string; total?: string }) {
    await this.page.goto(`/t/${slug}/submit`);
    await this.page.getByLabel("Establish your professional brand").fill(s.brand);
    await this.page.getByLabel("Find the right people").fill(s.people);
    await this.page.getByLabel("Engage with insights").fill(s.insights);
    await this.page.getByLabel("Build relationships").fill(s.relationships);
    if (s.total !== undefined) await this.page.getByLabel("Total SSI").fill(s.total);
    if (s.date) await this.page.getByLabel("Date", { exact: true }).fill(s.date);
    await this.page.getByRole("button", { name: /^Save/ }).click();
  }

  /** Joins a team through an invitation or join link and lands on its board. */
  async join(link: string) {
    await this.page.goto(link);
    await this.page.getByRole("button", { name: /^Join / }).click();
    await expect(this.page).toHaveURL(/\?joined=1$/);
  }

  row(name: string) {
    return this.page.locator(`[data-testid="board-row"][data-user-name="${name}"]`);
  }
}
