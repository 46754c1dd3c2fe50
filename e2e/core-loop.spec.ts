import { newPerson } from "./factories";
import { E2E_FIXTURES } from "./fixtures-data";
import { expect, test } from "./fixtures";
import { isoDay } from "./helpers";
import { ENGLISH_PAGE } from "../lib/testing/ssi-pages";

/** An ISO date n days before today in the team's zone (Europe/Berlin). */
const daysAgo = (n: number) => isoDay(-n, "Europe/Berlin");

test("a manager builds a team, two reps join, everyone submits, and the board ranks them", async ({ browser, people }) => {
  test.setTimeout(180_000);
  const raj = newPerson("raj");

  // The manager creates a team; she invites Raj by email and makes a join link for Sue.
  const manager = await people.signedIn();
  const mia = manager.person;
  const slug = await manager.team.createTeam(`Acme Sales ${mia.name.split(" ")[1]}`);
  const rajLink = await manager.team.invite(slug, raj.email);
  const joinLink = await manager.team.invite(slug, "");
  await manager.page.reload();
  await expect(manager.page.getByTestId("pending-invite")).toHaveCount(2);

  // Raj has no account: he signs up through the invitation and lands back on it.
  const rajCtx = await browser.newContext();
  const rajPage = await rajCtx.newPage();
  await rajPage.goto(rajLink);
  await rajPage.getByRole("link", { name: "Create an account to join" }).click();
  await expect(rajPage.getByLabel("Work email")).toHaveValue(raj.email);
  await rajPage.getByLabel("Your name").fill(raj.name);
  await rajPage.getByLabel("Password", { exact: true }).fill(raj.password);
  await rajPage.getByRole("button", { name: "Create account" }).click();
  await expect(rajPage).toHaveURL(new RegExp(`${rajLink}$`));
  await rajPage.getByRole("button", { name: /^Join / }).click();
  await expect(rajPage).toHaveURL(new RegExp(`/t/${slug}\\?joined=1$`));

  // Raj's email invitation is now used: opening it again says so.
  const sueCtx = await people.signedIn();
  const sue = sueCtx.person;
  await sueCtx.page.goto(rajLink);
  await expect(sueCtx.page.getByRole("heading", { name: "This invitation was already used" })).toBeVisible();
  // Sue joins with the shareable link instead.
  await sueCtx.page.goto(joinLink);
  await sueCtx.page.getByRole("button", { name: /^Join / }).click();
  await expect(sueCtx.page).toHaveURL(new RegExp(`/t/${slug}\\?joined=1$`));

  // Scores. Mia: 60 eight days ago, 65 today. Sue: 50, twenty days ago (stale now). Raj pastes his page.
  await manager.team.submit(slug, { brand: "15", people: "15", insights: "15", relationships: "15", date: daysAgo(8) });
  await expect(manager.page.getByText(`Saved: SSI 60 for ${daysAgo(8)}.`)).toBeVisible();
  await manager.team.submit(slug, { brand: "16,25", people: "16.25", insights: "16.25", relationships: "16.25" });
  await expect(manager.page.getByText(/Saved: SSI 65 for/)).toBeVisible();
  await sueCtx.team.submit(slug, { brand: "12.5", people: "12.5", insights: "12.5", relationships: "12.5", date: daysAgo(20) });
  await expect(sueCtx.page.getByText(`Saved: SSI 50 for ${daysAgo(20)}.`)).toBeVisible();

  await rajPage.goto(`/t/${slug}/submit`);
  // The whole English page, as copied from Sales Navigator (the paste tests' shared sample).
  await rajPage.getByLabel("Paste from LinkedIn").fill(ENGLISH_PAGE.text);
  await rajPage.getByRole("button", { name: "Fill the form" }).click();
  await expect(rajPage.getByLabel("Establish your professional brand")).toHaveValue(String(ENGLISH_PAGE.values.brand));
  await expect(rajPage.getByLabel("Build relationships")).toHaveValue(String(ENGLISH_PAGE.values.relationships));
  await rajPage.getByRole("button", { name: /^Save/ }).click();
  await expect(rajPage.getByText(/Saved: SSI (70\.97|71) for/)).toBeVisible();

  // The board, as the manager sees it: Raj first (new), Mia second (down one, +5), Sue stale below.
  await manager.page.goto(`/t/${slug}`);
  const rajRow = manager.team.row(raj.name);
  const miaRow = manager.team.row(mia.name);
  await expect(rajRow.locator('[data-col="rank"]')).toContainText("1");
  await expect(rajRow.locator('[data-col="total"]')).toHaveText("71.0");
  await expect(rajRow.locator('[data-col="rank-change"]')).toContainText(/new/i);
  await expect(miaRow.locator('[data-col="rank"]')).toContainText("2");
  await expect(miaRow.locator('[data-col="total"]')).toHaveText("65.0");
  await expect(miaRow.locator('[data-col="rank-change"]')).toContainText("▼1");
  await expect(miaRow.locator('[data-col="ssi-change"]')).toContainText("5");
  await expect(miaRow).toHaveAttribute("aria-current", "true");
  await expect(manager.page.locator('[data-testid="board-stale"]')).toHaveAttribute("data-user-name", sue.name);
  await expect(manager.page.getByText("You are")).toBeAttached();
  await expect(manager.page.getByRole("definition").filter({ hasText: "#2" })).toContainText("of 2");

  // As of nine days ago only Sue's score existed (fresh then): she was first.
  await manager.page.getByLabel("As of").fill(daysAgo(9));
  await manager.page.getByRole("button", { name: "Apply" }).click();
  await expect(manager.team.row(sue.name).locator('[data-col="rank"]')).toContainText("1");
  await expect(manager.page.locator('[data-testid="board-never"]')).toHaveCount(2);

  // A member cannot reach management pages; an outsider cannot see the board at all.
  for (const path of [`/t/${slug}/members`, `/t/${slug}/settings`, `/t/${slug}/submit?for=${"x"}`]) {
    const res = await rajPage.goto(path);
    expect(res?.status(), path).toBe(404);
  }

  const outsider = await people.signedIn();
  for (const path of [`/t/${slug}`, `/t/${slug}/submit`, `/t/${slug}/members`, `/t/${slug}/settings`]) {
    const res = await outsider.page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(outsider.page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
  await rajCtx.close();
});

test("expired and revoked invitations are refused and change nothing", async ({ signedIn: { page } }) => {
  await page.goto(`/invite/${E2E_FIXTURES.expiredToken}`);
  await expect(page.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  await page.goto(`/invite/${E2E_FIXTURES.revokedToken}`);
  await expect(page.getByRole("heading", { name: "This invitation was revoked" })).toBeVisible();
  await page.goto("/invite/not-a-real-token");
  await expect(page.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await page.goto("/teams");
  await expect(page.getByText("You're not in a team yet")).toBeVisible();
});

test("the score form refuses bad input field by field and saves nothing", async ({ page, signedIn, team }) => {
  const pat = signedIn.person;
  const slug = await team.createTeam(`Solo ${pat.name.split(" ")[1]}`);
  await team.submit(slug, { brand: "26", people: "10.1234", insights: "10", relationships: "10", total: "90", date: "2099-01-01" });
  await expect(page.getByLabel("Establish your professional brand")).toHaveAccessibleDescription(/Establish your professional brand must be between 0 and 25\./);
  await expect(page.getByLabel("Find the right people")).toHaveAccessibleDescription(/Use at most three decimals for Find the right people\./);
  await expect(page.getByLabel("Date", { exact: true })).toHaveAccessibleDescription(/The date can't be in the future\./);
  await expect(page.getByLabel("Establish your professional brand")).toHaveValue("26");
  await page.goto(`/t/${slug}/scores`);
  await expect(page.getByText("No scores yet")).toBeVisible();
});
