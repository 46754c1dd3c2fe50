import { expect, test } from "./fixtures";
import { isoDay } from "./helpers";

/** An ISO date n days from today in UTC (the teams here and the people's own zone are UTC). */
const day = (n: number) => isoDay(n);

test("a member sees their own progress, sets a goal and sees how far along they are", async ({ signedIn: ana }) => {
  test.setTimeout(120_000);
  await ana.page.goto("/me");
  await expect(ana.page.getByTestId("me-empty")).toContainText("No scores yet");

  const slug = await ana.team.createTeam(`Ana Co ${Date.now()}`, "UTC");
  // 60, 62 and 64: two points a week, in three consecutive weeks.
  for (const [n, q] of [[-14, "15"], [-7, "15.5"], [0, "16"]] as const) {
    await ana.team.submit(slug, { brand: q, people: q, insights: q, relationships: q, date: day(n) });
    await expect(ana.page.getByText(/^Saved: SSI/)).toBeVisible();
  }
  await ana.page.goto("/me");
  await expect(ana.page.getByTestId("me-current")).toContainText("64.0");
  await expect(ana.page.getByTestId("me-streak")).toContainText("3 weeks");
  await expect(ana.page.getByTestId("me-team-ranks")).toContainText("#1 of 1");
  await expect(ana.page.getByTestId("coaching")).toContainText("What to work on");
  // The charts' numbers are in a table behind a toggle, oldest first.
  const totals = ana.page.getByTestId("chart-me-total");
  await totals.getByText("Show data table").click();
  await expect(totals.locator("tbody tr")).toHaveText([`${day(-14)}60.0`, `${day(-7)}62.0`, `${day(0)}64.0`]);
  await expect(ana.page.getByTestId("chart-me-components").locator("tbody tr").first()).toHaveText(`${day(-14)}15.0015.0015.0015.00`);

  await ana.me.setGoal("70", day(60));
  await ana.page.reload();
  const goal = ana.page.getByTestId("goal-card");
  await expect(goal.getByRole("heading")).toContainText("Goal: SSI 70");
  // From 62 (the last score before today) to 70: 64 is a quarter of the way, and +2 a week gets there in time.
  await expect(goal.getByTestId("goal-progress")).toHaveText("25% of the way");
  await expect(goal.getByTestId("goal-status")).toHaveText("On track");
  await expect(goal.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "25");

  // A bad goal is refused next to the field.
  await ana.page.getByText("Change goal").click();
  await goal.getByLabel("Target SSI").fill("120");
  await goal.getByRole("button", { name: "Save goal" }).click();
  await expect(goal.getByLabel("Target SSI")).toHaveAccessibleDescription(/between 0 and 100/);
});

test("hidden components, and a personal token that records a score until it is revoked", async ({ people, playwright }) => {
  test.setTimeout(180_000);
  const manager = await people.signedIn();
  const slug = await manager.team.createTeam(`Privacy ${Date.now()}`, "UTC");
  const link = await manager.team.invite(slug, "");
  const rep = await people.joined(link);
  const mate = await people.joined(link);
  const raj = rep.person;
  await rep.team.submit(slug, { brand: "21.11", people: "19.22", insights: "17.33", relationships: "15.44" });
  await expect(rep.page.getByText(/^Saved: SSI/)).toBeVisible();

  // Before hiding, the teammate sees Raj's components.
  expect(await (await mate.page.request.get(`/t/${slug}`)).text()).toContain("21.11");

  await rep.me.setHideComponents(true);
  const teammateHtml = await (await mate.page.request.get(`/t/${slug}`)).text();
  for (const v of ["21.11", "19.22", "17.33", "15.44"]) expect(teammateHtml).not.toContain(v);
  await mate.page.goto(`/t/${slug}`);
  await expect(mate.team.row(raj.name)).toContainText(`Breakdown hidden by ${raj.name}`);
  await expect(mate.team.row(raj.name).locator('[data-col="total"]')).toHaveText("73.1");
  // Ranked by a component, Raj is listed apart without the value.
  await mate.page.goto(`/t/${slug}?by=people`);
  await expect(mate.page.locator('[data-testid="board-hidden"]')).toHaveAttribute("data-user-name", raj.name);

  // The manager still sees everything.
  const managerHtml = await (await manager.page.request.get(`/t/${slug}`)).text();
  expect(managerHtml).toContain("21.11");
  await manager.page.goto(`/t/${slug}`);
  await expect(manager.team.row(raj.name).locator('[data-col="brand"]')).toContainText("21.11");

  // A token records a score like a script would; it shows on the board.
  const token = await rep.me.createToken("weekly script");
  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const body = { brand: 22, people: 20, insights: 18, relationships: 16, team: slug };
  const created = await api.post("/api/v1/snapshots", { headers: { Authorization: `Bearer ${token}` }, data: body });
  expect(created.status()).toBe(200); // today's score was already there: replaced
  expect(await created.json()).toMatchObject({ replaced: true, snapshot: { total: 76 } });
  await manager.page.goto(`/t/${slug}`);
  await expect(manager.team.row(raj.name).locator('[data-col="total"]')).toHaveText("76.0");
  await rep.page.goto("/account");
  await expect(rep.page.locator('[data-testid="api-token"][data-token-name="weekly script"]')).not.toContainText("last used never");

  // Revoked, the same request is refused and changes nothing.
  await rep.me.revokeToken("weekly script");
  const refused = await api.post("/api/v1/snapshots", { headers: { Authorization: `Bearer ${token}` }, data: { ...body, brand: 25, total: 79 } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
  await manager.page.reload();
  await expect(manager.team.row(raj.name).locator('[data-col="total"]')).toHaveText("76.0");

  // Through the API too: an outsider's token gets 404, a teammate's gets the board without Raj's components.
  const mateToken = await mate.me.createToken("mine");
  const outsider = await people.signedIn();
  const ozToken = await outsider.me.createToken("oz");
  expect((await api.get(`/api/v1/teams/${slug}/leaderboard`, { headers: { Authorization: `Bearer ${ozToken}` } })).status()).toBe(404);
  const asMate = await api.get(`/api/v1/teams/${slug}/leaderboard`, { headers: { Authorization: `Bearer ${mateToken}` } });
  expect(asMate.status()).toBe(200);
  const rajEntry = ((await asMate.json()).entries as { name: string }[]).find((e) => e.name === raj.name);
  expect(rajEntry).toMatchObject({ total: 76, components: null, hidden: true });
  await api.dispose();
});
