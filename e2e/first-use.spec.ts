// What new users stumbled on (issue 22): words that misled them, and screens that said less than they promised.
import { expect, test } from "./fixtures";
import { isoDay } from "./helpers";

const daysAgo = (n: number) => isoDay(-n, "Europe/Berlin");
const HEADER = "email,name,measured_on,total,brand,people,insights,relationships,industry_rank,network_rank,industry_avg,network_avg";

test("recording a score: the averages are named as such, and a fresh save does not warn about replacing itself", async ({ signedIn: { person: ida, page, team } }) => {
  const slug = await team.createTeam(`Words ${ida.name.split(" ")[1]}`);
  await page.goto(`/t/${slug}/submit`);
  await page.getByText("Ranks and averages (optional)").click();
  await expect(page.getByLabel("Industry average SSI")).toBeVisible();
  await expect(page.getByLabel("Network average SSI")).toBeVisible();
  await expect(page.getByText("“People in your industry” on LinkedIn: their average SSI, 0–100.")).toBeVisible();

  await team.submit(slug, { brand: "10", people: "10", insights: "10", relationships: "10" });
  await expect(page.getByText(/^Saved: SSI 40 for/)).toBeVisible();
  const warning = page.getByText("This replaces your score for that date.");
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(daysAgo(0));
  await expect(warning).toHaveCount(0);
  // Typing a new score for the same date is a replacement, and says so.
  await page.getByLabel("Establish your professional brand").fill("11");
  await expect(warning).toBeVisible();
});

test("an import with one bad row says “1 row”, and the owner's own join link says they are in the team", async ({ signedIn: { person: joe, page, team, dash } }) => {
  const teamName = `Import ${joe.name.split(" ")[1]}`;
  const slug = await team.createTeam(teamName);
  const csv = [HEADER, `${joe.email},Joe,${daysAgo(1)},60,15,15,15,15,,,,`, `${joe.email},Joe,${daysAgo(2)},,26,15,15,15,,,,`].join("\n");
  await dash.previewImport(slug, "one-bad.csv", csv);
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByText("1 added, 0 replaced, 0 unchanged, 1 row with errors skipped.")).toBeVisible();

  const link = await team.invite(slug, "");
  await page.goto(link);
  await expect(page.getByText("You are already the owner of this team.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Join / })).toHaveCount(0);
  await page.getByRole("link", { name: "Open the leaderboard" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${slug}$`));
  // The board names the team once: its heading, not a second line above the tabs.
  await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  const shown = await page.getByRole("main").evaluate((main, name) => {
    const texts = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let t = texts.nextNode(); t; t = texts.nextNode()) if (t.textContent?.includes(name) && !t.parentElement?.closest(".sr-only")) n++;
    return n;
  }, teamName);
  expect(shown, "times the team's name is shown").toBe(1);
});

test("the teams page shows rank, SSI and change per team; the TV screen labels rank and score changes", async ({ signedIn: { person: kai, page, team } }) => {
  const teamName = `Stand ${kai.name.split(" ")[1]}`;
  const slug = await team.createTeam(teamName);
  for (const [date, v] of [[daysAgo(8), "15"], [daysAgo(1), "15.5"], [daysAgo(0), "16.75"]] as const) {
    await team.submit(slug, { brand: v, people: v, insights: v, relationships: v, date });
    await expect(page.getByText(/^Saved: SSI/)).toBeVisible();
  }
  await page.goto("/teams");
  const card = page.locator(`[data-testid="team-card"][data-team-name="${teamName}"]`);
  await expect(card).toContainText("Owner · 1 member");
  await expect(card.getByTestId("team-standing")).toContainText(/Your rank\s*#1\s*of 1/);
  // 67.0 today, 60.0 a week earlier.
  await expect(card.getByTestId("team-standing")).toContainText(/Your SSI\s*67\.0\s*▲\s*\+7\.0/);

  // Since yesterday: the same rank, 5 points more. Both are shown, each with its label.
  await page.goto(`/tv/team/${slug}`);
  const change = page.getByTestId("tv-row").getByTestId("tv-change");
  await expect(change).toContainText("Rank unchanged");
  await expect(change).toContainText("SSI ▲ +5.0");
  await expect(page.getByText(/changes since yesterday/)).toBeVisible();
});

test("a member has no Settings page (404, as for an outsider) and leaves the team from My scores", async ({ people }) => {
  const owner = await people.signedIn();
  const teamName = `Leave ${owner.person.name.split(" ")[1]}`;
  const slug = await owner.team.createTeam(teamName);
  const rep = await people.joined(await owner.team.invite(slug, ""));

  const tabs = rep.page.getByRole("navigation", { name: "Team sections" });
  await expect(tabs.getByRole("link")).toHaveText(["Leaderboard", "Challenges", "Record SSI", "My scores"]);
  expect((await rep.page.goto(`/t/${slug}/settings`))?.status()).toBe(404);

  await rep.page.goto(`/t/${slug}/scores`);
  const card = rep.page.getByRole("region", { name: `Your membership of ${teamName}` });
  await expect(card).toContainText("Weeks start on");
  await expect(card).toContainText(/Scores stop counting after\s*14 days/);
  rep.page.on("dialog", (d) => d.accept());
  await card.getByRole("button", { name: "Leave team" }).click();
  await expect(rep.page).toHaveURL(/\/teams$/);
  await expect(rep.page.getByText("You're not in a team yet")).toBeVisible();

});
