// At a phone's width (390 px) no page scrolls sideways, anything wider scrolls inside a box that says so, and
// nothing is cut off without a way to see it.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PHONE = { width: 390, height: 844 };

/** How far the page itself scrolls sideways, in px (0 when it fits the screen). */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("at 390 px no main page scrolls sideways; wide tables and the tab strip show there is more", async ({ people }) => {
  test.setTimeout(120_000);
  const owner = await people.signedIn();
  const teamName = `Phone ${owner.person.name.split(" ")[1]}`;
  const slug = await owner.team.createTeam(teamName);
  const rep = await people.joined(await owner.team.invite(slug, ""));
  for (const who of [owner, rep]) {
    await who.team.submit(slug, { brand: "20", people: "15.5", insights: "12.25", relationships: "18" });
    await expect(who.page.getByText(/^Saved: SSI 65\.75 for/)).toBeVisible();
  }

  const page = owner.page;
  await page.setViewportSize(PHONE);
  const pages = ["/teams", `/t/${slug}`, `/t/${slug}/submit`, `/t/${slug}/scores`, `/t/${slug}/dashboard`, `/t/${slug}/members`,
    `/t/${slug}/digest`, `/t/${slug}/settings`, `/t/${slug}/import`, "/me", "/account"];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await pageOverflow(page), `${path} scrolls sideways by`).toBe(0);
  }

  // The heatmap is wider than the screen: it scrolls in a named, focusable region with a visible hint.
  await page.goto(`/t/${slug}/dashboard`);
  const heatmap = page.getByTestId("chart-heatmap");
  const region = heatmap.getByRole("region", { name: "Pillars by member table" });
  await expect(region).toHaveAttribute("tabindex", "0");
  await expect(heatmap.getByText("Scroll sideways to see every column.")).toBeVisible();
  const ssiColumn = heatmap.getByRole("columnheader", { name: "SSI" });
  await expect(ssiColumn).not.toBeInViewport();
  // Reachable by keyboard: focused, the arrow keys scroll it.
  await region.focus();
  await expect(async () => {
    await page.keyboard.press("ArrowRight");
    await expect(ssiColumn).toBeInViewport({ ratio: 1, timeout: 500 });
  }).toPass();

  // The team's tabs run past the screen's edge: a visible "More" shows it, and brings the last tabs into view.
  const tabs = page.getByRole("navigation", { name: "Team sections" });
  const settings = tabs.getByRole("link", { name: "Settings" });
  await page.goto(`/t/${slug}`);
  const more = page.getByTestId("tabs-more");
  await expect(settings).not.toBeInViewport();
  await expect(more).toBeVisible();
  await expect(more).toHaveText("More ›");
  await expect(async () => {
    if (await more.isVisible()) await more.click();
    await expect(settings).toBeInViewport({ ratio: 1, timeout: 1000 });
  }).toPass();
  await expect(more).toHaveCount(0);
  // On the page of a tab at the far end, that tab is scrolled into view by itself.
  await page.goto(`/t/${slug}/settings`);
  await expect(settings).toBeInViewport();

  // The members list wraps instead of cutting the role and the last score short.
  await page.goto(`/t/${slug}/members`);
  const cut = await page.getByTestId("member-row").evaluateAll((rows) =>
    rows.flatMap((row) => [...row.querySelectorAll("p")].filter((p) => p.scrollWidth > p.clientWidth).map((p) => p.textContent)),
  );
  expect(cut, "member lines cut off").toEqual([]);
  await expect(page.getByTestId("member-row").filter({ hasText: owner.person.email })).toContainText("Owner · last score today");

  // At desktop width the same heatmap fits: no hint claims otherwise.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/t/${slug}/dashboard`);
  await expect(heatmap.getByRole("region", { name: "Pillars by member table" })).toBeVisible();
  await expect(heatmap.getByText("Scroll sideways to see every column.")).toHaveCount(0);
  await expect(page.getByTestId("tabs-more")).toHaveCount(0);
});
