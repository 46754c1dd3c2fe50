import { newPerson } from "./factories";
import { expect, test } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { TeamPages } from "./pages/team";

test("from the landing page through sign-up and team creation, the checklist guides the manager until done", async ({ page }) => {
  const kim = newPerson("kim");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Social Selling Index, ranked/ })).toBeVisible();
  await page.getByRole("link", { name: "Create your account" }).click();
  await new AuthPages(page).signUp(kim, { from: "current" });
  await expect(page).toHaveURL(/\/teams$/);
  const team = new TeamPages(page);
  const slug = await team.createTeam(`Onboard ${kim.name.split(" ")[1]}`);

  await page.goto(`/t/${slug}`);
  const steps = page.getByTestId("onboarding-step");
  await expect(page.getByRole("heading", { name: "Get your team started" })).toBeVisible();
  await expect(page.getByText("0 of 3 done")).toBeVisible();

  await team.invite(slug, "");
  await team.submit(slug, { brand: "10", people: "10", insights: "10", relationships: "10" });
  await expect(page.getByText(/Saved: SSI 40 for/)).toBeVisible();
  await page.goto(`/t/${slug}`);
  await expect(page.getByText("2 of 3 done")).toBeVisible();
  await expect(steps.filter({ hasText: "Invite your teammates" })).toHaveAttribute("data-done", "true");
  await expect(steps.filter({ hasText: "Choose the weekly digest day" })).toHaveAttribute("data-done", "false");

  await page.getByRole("link", { name: "Choose the weekly digest day" }).click();
  await page.getByLabel("Digest day").selectOption("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Team settings saved.")).toBeVisible();
  await page.goto(`/t/${slug}`);
  await expect(page.getByRole("heading", { name: "Get your team started" })).toHaveCount(0);
});

test("the secret TV link shows the board without sign-in and picks up a new score by itself", async ({ browser, people, signedIn: { person: lee, page, team } }) => {
  const slug = await team.createTeam(`TV ${lee.name.split(" ")[1]}`);
  await page.goto(`/t/${slug}/settings`);
  await page.getByRole("button", { name: "Create secret TV link" }).click();
  const link = new URL(await page.getByLabel("TV link").inputValue()).pathname;

  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await screen.goto(`${link}?refresh=5`);
  await expect(screen.getByText("No scores yet. Record your SSI to appear here.")).toBeVisible();
  await expect(screen.getByRole("navigation")).toHaveCount(0);

  await team.submit(slug, { brand: "20", people: "18", insights: "16.5", relationships: "17" });
  await expect(page.getByText(/Saved: SSI 71\.5 for/)).toBeVisible();
  // No reload by hand: the screen refreshes itself within its 5-second period.
  const row = screen.locator(`[data-testid="tv-row"][data-user-name="${lee.name}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByTestId("tv-total")).toHaveText("71.5");

  // Revoked: the link stops working.
  await page.goto(`/t/${slug}/settings`);
  await expect(page.getByText("A secret TV link is active: anyone with it sees the board, read-only.")).toBeVisible();
  await page.getByRole("button", { name: "Revoke TV link" }).click();
  await expect(page.getByText("No secret TV link is active.")).toBeVisible();
  const res = await screen.goto(link);
  expect(res?.status()).toBe(404);

  // A member who is not a manager cannot open TV mode from the app.
  const { page: outsider } = await people.signedIn();
  expect((await outsider.goto(`/tv/team/${slug}`))?.status()).toBe(404);
});
