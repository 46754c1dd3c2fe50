import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { E2E_FIXTURES } from "./fixtures-data";
import type { Person } from "./factories";
import { AuthPages } from "./pages/auth";
import { ChallengePages } from "./pages/challenges";
import { DashboardPages } from "./pages/dashboard";
import { MailPages } from "./pages/mail";
import { MePages } from "./pages/me";
import { TeamPages } from "./pages/team";

/** The ISO date `offset` days from today (negative: before) in `timeZone`, as a team there counts days. */
export function isoDay(offset: number, timeZone = "UTC"): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** A person's page in their browser context, with the page objects the specs use. */
export function browsing(page: Page, person: Person) {
  return {
    person,
    page,
    context: page.context(),
    auth: new AuthPages(page),
    team: new TeamPages(page),
    me: new MePages(page),
    mail: new MailPages(page),
    dash: new DashboardPages(page),
    challenges: new ChallengePages(page),
  };
}

export type Browsing = ReturnType<typeof browsing>;

/**
 * A browser of its own, signed up as `person` through the sign-up form and landed in the app: for specs whose
 * subject is signing up, and servers of a spec's own (`options.baseURL`), which have no seeded people. Everyone
 * else gets a seeded person from e2e/fixtures.ts.
 */
export async function signedUpBrowser(browser: Browser, person: Person, options: BrowserContextOptions = {}): Promise<Browsing> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await new AuthPages(page).signUpAndLand(person);
  return browsing(page, person);
}

/**
 * Proves `email` for the account signed in on `page`, the way a newcomer does on a server without SMTP: the
 * administrator (the first account) finds the confirmation link in their mail preview and passes it on.
 */
export async function confirmAddress(browser: Browser, page: Page, email: string) {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await new AuthPages(adminPage).signIn(E2E_FIXTURES.adminEmail, E2E_FIXTURES.adminPassword);
  await expect(adminPage).toHaveURL(/\/teams$/);
  await adminPage.goto("/mail");
  await adminPage.getByTestId("mail-list").getByRole("link", { name: `for ${email}` }).first().click();
  // Every proof has the same subject: wait until the message on screen is the one for this address.
  await expect(adminPage.getByText(`To: ${email}`, { exact: true })).toBeVisible();
  const href = await new MailPages(adminPage).html.getByRole("link", { name: "Confirm this address" }).getAttribute("href");
  await admin.close();
  await page.goto(new URL(href!).pathname);
  await page.getByRole("button", { name: `Confirm ${email}` }).click();
  await expect(page).toHaveURL(/\/account\?email=confirmed$/);
}
