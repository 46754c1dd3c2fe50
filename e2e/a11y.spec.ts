import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { newPerson } from "./factories";
import { expect, test } from "./fixtures";

/** Serious and critical axe violations on the current page, as readable lines. */
async function seriousViolations(page: Page) {
  // Emails are shown in sandboxed srcdoc iframes (mail preview, digest preview): they are email HTML, not the
  // app's UI, and axe's frame messaging can wait on a sandboxed frame until the test times out.
  const { violations } = await new AxeBuilder({ page }).options({ iframes: false }).exclude("iframe").analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/**
 * The page as loaded, checked in light mode and then in dark mode. The theme is CSS only (prefers-color-scheme in
 * app/globals.css; the charts redraw on its change event), so switching the emulated scheme restyles the loaded
 * page exactly as loading it in dark mode would, and each page is loaded once for both.
 */
async function expectNoSeriousViolations(page: Page, what: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `${what} in ${colorScheme} mode`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test.describe("accessibility in light and dark mode", () => {
  test.use({ colorScheme: "light" });

  test("public pages have no serious or critical axe violations", async ({ page }) => {
    for (const path of ["/", "/sign-in", "/sign-up", "/no-such-page", "/invite/not-a-token"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page, path);
    }
  });

  test("the app's team pages have no serious or critical axe violations", async ({ signedIn: { person: ada, page, team } }) => {
    test.setTimeout(240_000);
    await expectNoSeriousViolations(page, "/teams (empty)");
    const slug = await team.createTeam(`A11y ${ada.name.split(" ")[1]}`);
    await team.invite(slug, "");
    await team.submit(slug, { brand: "18.5", people: "15", insights: "14", relationships: "16" });
    await expect(page.getByText(/Saved: SSI/)).toBeVisible();
    const pages = ["/teams", `/t/${slug}`, `/t/${slug}/submit`, `/t/${slug}/scores`, `/t/${slug}/members`, `/t/${slug}/settings`];
    pages.push(`/t/${slug}/dashboard`, `/t/${slug}/digest`, `/t/${slug}/import`, "/teams/overview", "/me", "/account");
    pages.push("/account/notifications", "/mail", `/tv/team/${slug}`);
    for (const path of pages) {
      await page.goto(path);
      await expectNoSeriousViolations(page, path);
    }
  });

  test("an unproved account's notices have no serious or critical axe violations", async ({ auth, page }) => {
    // Signed up through the form: the seeded people have proved addresses, so only this shows the notices.
    await auth.signUpAndLand(newPerson("a11y"));
    await page.goto("/account");
    await expect(page.getByText("Your email address is not confirmed yet")).toBeVisible();
    await expectNoSeriousViolations(page, "/account (unproved)");
    await page.goto("/mail");
    await expect(page.getByTestId("mail-unconfirmed")).toBeVisible();
    await expectNoSeriousViolations(page, "/mail (unproved)");
  });
});
