import type { Browser } from "@playwright/test";
import type { Person } from "./factories";
import { AuthPages } from "./pages/auth";
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

/** A browser of its own, signed up as `person` and landed in the app, with the page objects the specs use. */
export async function signedUpBrowser(browser: Browser, person: Person) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPages(page).signUpAndLand(person);
  return { page, context, team: new TeamPages(page), me: new MePages(page), mail: new MailPages(page), dash: new DashboardPages(page) };
}
