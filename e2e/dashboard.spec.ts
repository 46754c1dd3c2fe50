import { expect, test } from "./fixtures";
import { E2E_FIXTURES } from "./fixtures-data";
import { isoDay } from "./helpers";
import { AuthPages } from "./pages/auth";
import { DashboardPages } from "./pages/dashboard";

/** An ISO date n days before today in the teams' zone (Europe/Berlin). */
const daysAgo = (n: number) => isoDay(-n, "Europe/Berlin");
const quarter = (v: string) => ({ brand: v, people: v, insights: v, relationships: v });
const HEADER = "email,name,measured_on,total,brand,people,insights,relationships,industry_rank,network_rank,industry_avg,network_avg";

test("a manager sees the team's figures, charts' numbers and who to remind; a member is refused", async ({ people }) => {
  test.setTimeout(180_000);
  const manager = await people.signedIn();
  const slug = await manager.team.createTeam(`Dash ${manager.person.name.split(" ")[1]}`);
  const link = await manager.team.invite(slug, "");
  const rep = await people.joined(link);
  const quiet = await people.joined(link);
  const [raj, sue] = [rep.person, quiet.person];

  // Mia: 40 thirty days ago, 60 today. Raj: 70 today. Sue: nothing.
  await manager.team.submit(slug, { ...quarter("10"), date: daysAgo(30) });
  await expect(manager.page.getByText(`Saved: SSI 40 for ${daysAgo(30)}.`)).toBeVisible();
  await manager.team.submit(slug, quarter("15"));
  await expect(manager.page.getByText(/Saved: SSI 60 for/)).toBeVisible();
  await rep.team.submit(slug, quarter("17.5"));
  await expect(rep.page.getByText(/Saved: SSI 70 for/)).toBeVisible();

  await manager.page.goto(`/t/${slug}`);
  await manager.page.getByRole("link", { name: "Dashboard" }).click();
  const d = manager.dash;
  await expect(d.tile("average")).toContainText("65.0");
  await expect(d.tile("average")).toContainText("+25.0 over 4 weeks");
  await expect(d.tile("median")).toContainText("65.0");
  await expect(d.tile("submitted")).toContainText("67%");
  await expect(d.tile("submitted")).toContainText("2 of 3 members");
  await expect(d.tile("missing")).toContainText("0 / 1");

  // The charts' numbers, through their data tables: this week last, 12 weeks by default.
  const trend = await d.dataRows("team-trend");
  await expect(trend).toHaveCount(12);
  expect((await d.cells(trend.last())).slice(1, 5)).toEqual(["65.0", "65.0", "—", "2"]);
  const pillars = await d.dataRows("pillar-trend");
  expect((await d.cells(pillars.last())).slice(1)).toEqual(["16.3", "16.3", "16.3", "16.3"]);
  const dist = await d.dataRows("distribution");
  expect(await d.cells(dist.nth(6))).toEqual(["60–69", "1"]);
  expect(await d.cells(dist.nth(7))).toEqual(["70–79", "1"]);
  await d.open(slug, 26);
  await expect(await d.dataRows("team-trend")).toHaveCount(26);

  // Sue has not submitted: remind her, and the reminder shows as pending.
  const sueRow = manager.page.locator(`[data-testid="missing-row"][data-member-name="${sue.name}"]`);
  await sueRow.getByRole("button", { name: `Remind ${sue.name}` }).click();
  await expect(sueRow.getByText("Reminder queued.")).toBeVisible();
  await expect(sueRow.getByText("Reminder pending")).toBeVisible();
  await manager.page.reload();
  await expect(sueRow.getByText("Reminder pending")).toBeVisible();
  await expect(manager.page.locator('[data-testid="missing-row"]')).toHaveCount(1);

  // A member gets 404 on every manager surface, and no Dashboard tab.
  await rep.page.goto(`/t/${slug}`);
  await expect(rep.page.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  for (const path of [`/t/${slug}/dashboard`, `/t/${slug}/import`, `/t/${slug}/members/x`]) {
    const res = await rep.page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const download = await rep.page.request.get(`/t/${slug}/export`);
  expect(download.status()).toBe(404);
  expect(await download.text()).not.toContain(raj.email);
});

test("a CSV exported from one team imports into another with the same values, and once only", async ({ people }) => {
  test.setTimeout(180_000);
  const manager = await people.signedIn();
  const mia = manager.person;
  const teamA = await manager.team.createTeam(`Alpha ${mia.name.split(" ")[1]}`);
  const rep = await people.joined(await manager.team.invite(teamA, ""));
  const raj = rep.person;
  await rep.team.submit(teamA, { ...quarter("12.5"), date: daysAgo(8) });
  await expect(rep.page.getByText(`Saved: SSI 50 for ${daysAgo(8)}.`)).toBeVisible();
  await rep.team.submit(teamA, { brand: "18.52", people: "16.3", insights: "14.75", relationships: "21.4" });
  await expect(rep.page.getByText(/Saved: SSI 70.97 for/)).toBeVisible();

  // Export from the dashboard's link.
  await manager.dash.open(teamA);
  const href = await manager.page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const res = await manager.page.request.get(href!);
  expect(res.headers()["content-type"]).toContain("text/csv");
  const csv = await res.text();
  expect(csv.split("\r\n")).toEqual([
    HEADER,
    `${raj.email},${raj.name},${daysAgo(8)},50,12.5,12.5,12.5,12.5,,,,`,
    `${raj.email},${raj.name},${daysAgo(0)},70.97,18.52,16.3,14.75,21.4,,,,`,
    "",
  ]);

  // Raj's own history, from his scores page, has the same rows.
  await rep.page.goto(`/t/${teamA}/scores`);
  const own = await rep.page.request.get((await rep.page.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!);
  expect(await own.text()).toBe(csv);

  // Raj loses his older score; a second team, which Raj also joins, gets the file.
  rep.page.on("dialog", (dlg) => dlg.accept());
  await rep.page.goto(`/t/${teamA}/scores`);
  await rep.page.getByRole("button", { name: `Delete the score of ${daysAgo(8)}` }).click();
  await expect(rep.page.getByTestId("score-row")).toHaveCount(1);
  const teamB = await manager.team.createTeam(`Beta ${mia.name.split(" ")[1]}`);
  await rep.team.join(await manager.team.invite(teamB, ""));

  const d = manager.dash;
  await d.previewImport(teamB, "alpha.csv", csv);
  await expect(d.importRow(2)).toHaveAttribute("data-status", "insert");
  await expect(d.importRow(3)).toHaveAttribute("data-status", "unchanged");
  await manager.page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(manager.page.getByText("1 added, 0 replaced, 1 unchanged.")).toBeVisible();

  // The score is back with the same values, as Raj sees it.
  await rep.page.goto(`/t/${teamB}/scores`);
  const restored = rep.page.getByTestId("score-row").filter({ hasText: daysAgo(8) });
  await expect(restored).toContainText("50.00");
  await expect(restored.locator("td").nth(1)).toHaveText("12.50");

  // Importing the same file again changes nothing.
  await d.previewImport(teamB, "alpha.csv", csv);
  await expect(manager.page.getByTestId("count-unchanged")).toContainText("2");
  await expect(manager.page.getByRole("button", { name: "Nothing to import" })).toBeDisabled();
});

test("a CSV with bad rows shows each row's error and writes nothing", async ({ signedIn: { person: pat, page, team, dash: d } }) => {
  const slug = await team.createTeam(`Solo ${pat.name.split(" ")[1]}`);
  const csv = [
    HEADER,
    `${pat.email},Pat,${daysAgo(1)},60,15,15,15,15,,,,`,
    `nobody-${pat.name.split(" ")[1]}@example.test,X,${daysAgo(1)},60,15,15,15,15,,,,`,
    `fixture-owner@example.test,F,${daysAgo(1)},60,15,15,15,15,,,,`,
    `${pat.email},Pat,${daysAgo(2)},,26,15,15,15,,,,`,
    `${pat.email},Pat,2025-02-30,60,15,15,15,15,,,,`,
    `${pat.email},Pat,${daysAgo(3)},80,15,15,15,15,,,,`,
  ].join("\n");
  await d.previewImport(slug, "bad.csv", csv);
  await expect(d.importRow(2)).toHaveAttribute("data-status", "insert");
  const expected: [number, string][] = [
    // An address with no account and one of an account outside the team read the same: no account is revealed.
    [3, "No member of this team has this email address."],
    [4, "No member of this team has this email address."],
    [5, "Establish your professional brand must be between 0 and 25."],
    [6, "That date doesn't exist: check the day and month."],
    [7, "Total must equal the sum of the four components (±0.5)."],
  ];
  for (const [line, message] of expected) {
    await expect(d.importRow(line)).toHaveAttribute("data-status", "error");
    await expect(d.importRow(line)).toContainText(message);
  }
  await expect(page.getByTestId("count-error")).toContainText("5");
  await expect(page.getByText("Nothing has been written yet.")).toBeVisible();

  // Leaving without confirming: nothing was saved.
  await page.goto(`/t/${slug}/scores`);
  await expect(page.getByText("No scores yet")).toBeVisible();
});

test("a large team's dashboard lists ten people to remind and the rest on request; the heatmap and data tables are complete", async ({ browser }) => {
  const large = E2E_FIXTURES.largeTeam;
  const page = await browser.newPage();
  try {
    await new AuthPages(page).signIn(large.ownerEmail, large.password);
    await expect(page).toHaveURL(/\/teams|\/t\//);
    const d = new DashboardPages(page);
    await d.open(large.slug);
    const missing = large.members - large.submitted;
    await expect(d.tile("submitted")).toContainText(`${large.submitted + 1} of ${large.members + 1} members`);

    // Not submitted: the first ten, then everyone when asked (and back), the button saying which it does.
    const list = page.getByTestId("not-submitted");
    await expect(list.getByTestId("missing-row")).toHaveCount(10);
    const more = list.getByRole("button", { name: `Show all ${missing}` });
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await more.click();
    await expect(list.getByTestId("missing-row")).toHaveCount(missing);
    await expect(list.getByTestId("missing-row").last()).toContainText("last score 8 days ago");
    const fewer = list.getByRole("button", { name: "Show fewer" });
    await expect(fewer).toHaveAttribute("aria-expanded", "true");
    await fewer.click();
    await expect(list.getByTestId("missing-row")).toHaveCount(10);

    // Every fresh score is in the heatmap (the server sends the first rows, the browser the rest), highest first.
    const heat = page.getByTestId("chart-heatmap").locator("tbody tr");
    await expect(heat).toHaveCount(large.members + 1);
    await expect(heat.first()).toContainText("70.0");
    await expect(heat.last()).toContainText("Large Member 01");

    // A data table is there once opened: twelve weeks, this week's count of fresh scores last.
    const trend = await d.dataRows("team-trend");
    await expect(trend).toHaveCount(12);
    expect((await d.cells(trend.last()))[4]).toBe(String(large.members + 1));
  } finally {
    await page.close();
  }
});
