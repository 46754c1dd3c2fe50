// People and teams named with HTML and script: every page shows the text as typed, and nothing in it runs.
import { expect, test, type Page } from "@playwright/test";
import { newPerson } from "./factories";
import { AuthPages } from "./pages/auth";
import { TeamPages } from "./pages/team";

const IMG = "<img src=x onerror=window.__xss=1>";
const SCRIPT = "<script>window.__xss=1</script>";
const SVG = '"><svg onload=window.__xss=1>';

/** Nothing ran: no flag set, no dialog, and no element that the names would have created if read as HTML. */
async function expectInert(page: Page, dialogs: string[]) {
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  for (const frame of page.frames()) {
    const created = await frame.evaluate(() => ({
      img: document.querySelectorAll('img[src="x"]').length,
      svg: document.querySelectorAll("svg[onload]").length,
      script: [...document.querySelectorAll("script")].filter((s) => s.textContent?.trim() === "window.__xss=1").length,
    }));
    expect(created, frame.url()).toEqual({ img: 0, svg: 0, script: 0 });
  }
}

test("names and team names made of HTML and script show as text everywhere and never run", async ({ browser }) => {
  test.setTimeout(180_000);
  const id = newPerson().name.split(" ")[1]!;
  const owner = { ...newPerson("own"), name: IMG };
  const rep = { ...newPerson("rep"), name: `${SCRIPT} ${id}` };
  const mate = { ...newPerson("mate"), name: SVG };
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [ownerPage, repPage, matePage] = await Promise.all(contexts.map((c) => c.newPage()));
  const dialogs: string[] = [];
  for (const p of [ownerPage!, repPage!, matePage!]) {
    p.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }

  await new AuthPages(ownerPage!).signUpAndLand(owner);
  const team = new TeamPages(ownerPage!);
  const teamName = `${SCRIPT.slice(0, 40)}${id}`.slice(0, 60);
  const slug = await team.createTeam(teamName, "UTC");
  const link = await team.invite(slug, "");
  for (const [page, person] of [
    [repPage!, rep],
    [matePage!, mate],
  ] as const) {
    await new AuthPages(page).signUpAndLand(person);
    await page.goto(link);
    await page.getByRole("button", { name: /^Join / }).click();
    await expect(page).toHaveURL(/\?joined=1$/);
  }
  await team.submit(slug, { brand: "20", people: "18", insights: "16", relationships: "14" });
  await expect(ownerPage!.getByText(/^Saved: SSI/)).toBeVisible();
  await new TeamPages(repPage!).submit(slug, { brand: "10", people: "10", insights: "10", relationships: "10" });
  await expect(repPage!.getByText(/^Saved: SSI/)).toBeVisible();

  // The board, as a manager and as a member: the names as text in their rows, the team name as the heading.
  for (const page of [ownerPage!, matePage!]) {
    await page.goto(`/t/${slug}`);
    const board = new TeamPages(page);
    await expect(board.row(owner.name)).toContainText(IMG);
    await expect(board.row(rep.name)).toContainText(rep.name);
    await expect(page.getByText(mate.name, { exact: true }).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(teamName);
    await expectInert(page, dialogs);
    await page.goto("/teams");
    await expect(page.getByText(teamName).filter({ visible: true }).first()).toBeVisible();
    await expectInert(page, dialogs);
  }

  // The manager's pages: members, dashboard, a member's page, the digest preview (also inside its mail frame).
  const o = ownerPage!;
  await o.goto(`/t/${slug}/members`);
  await expect(o.getByText(rep.name).filter({ visible: true }).first()).toBeVisible();
  await expect(o.getByText(mate.name, { exact: true }).filter({ visible: true }).first()).toBeVisible();
  await expectInert(o, dialogs);

  await o.goto(`/t/${slug}/dashboard`);
  await expect(o.getByText(mate.name).filter({ visible: true }).first()).toBeVisible(); // not submitted yet: listed to remind
  await expectInert(o, dialogs);

  // The dashboard links each member to their page.
  const memberHref = await o.locator(`a[href^="/t/${slug}/members/"]`).filter({ hasText: rep.name }).first().getAttribute("href");
  expect(memberHref, "the dashboard links to the member's page").toBeTruthy();
  await o.goto(memberHref!);
  await expect(o.getByRole("heading", { level: 1 })).toHaveText(rep.name);
  await expectInert(o, dialogs);

  await o.goto(`/t/${slug}/digest`);
  await expect(o.getByLabel("Member").locator("option").filter({ hasText: rep.name })).toHaveCount(1);
  const mail = o.frameLocator("iframe").first();
  await expect(mail.locator("body")).toContainText(teamName);
  await expectInert(o, dialogs);

  await Promise.all(contexts.map((c) => c.close()));
});
