import { expect, type Page } from "@playwright/test";

export type NewChallenge = {
  name: string;
  kind: "Most improved" | "Race to a target" | "Team against team";
  metric?: string;
  target?: string;
  start?: string;
  end?: string;
  /** Team names to compete against (team against team). */
  against?: string[];
  /** Member names to choose (otherwise every member). */
  chosen?: string[];
};

/** Page object for creating, editing and reading challenges. */
export class ChallengePages {
  constructor(readonly page: Page) {}

  /** Fills the new-challenge form and submits it; does not wait for the result. */
  async fill(slug: string, c: NewChallenge) {
    await this.page.goto(`/t/${slug}/challenges/new`);
    await this.page.getByLabel("Name", { exact: true }).fill(c.name);
    await this.page.getByRole("radio", { name: new RegExp(`^${c.kind}`) }).check();
    if (c.metric) await this.page.getByLabel("What counts").selectOption({ label: c.metric });
    if (c.target !== undefined) await this.page.getByLabel("Target", { exact: true }).fill(c.target);
    if (c.start) await this.page.getByLabel("Start", { exact: true }).fill(c.start);
    if (c.end) await this.page.getByLabel("End", { exact: true }).fill(c.end);
    for (const t of c.against ?? []) await this.page.getByRole("checkbox", { name: t }).check();
    if (c.chosen) {
      await this.page.getByRole("radio", { name: "Chosen members" }).check();
      for (const n of c.chosen) await this.page.getByRole("checkbox", { name: n }).check();
    }
    await this.page.getByRole("button", { name: "Create challenge" }).click();
  }

  /** Creates a challenge and returns its id (from the challenge page it lands on). */
  async create(slug: string, c: NewChallenge) {
    await this.fill(slug, c);
    await expect(this.page).toHaveURL(new RegExp(`/t/${slug}/challenges/[0-9a-f-]{36}$`));
    await expect(this.page.getByRole("heading", { level: 1, name: c.name })).toBeVisible();
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  row(name: string) {
    return this.page.locator(`[data-testid="challenge-row"][data-user-name="${name}"]`);
  }
}
