import { expect, test, type Browsing } from "./fixtures";
import { isoDay } from "./helpers";

/** An ISO date n days from today in the teams' zone (Europe/Berlin); negative: before. */
const day = (n: number) => isoDay(n, "Europe/Berlin");
const scores = (each: string, date?: string) => ({ brand: each, people: each, insights: each, relationships: each, date });

async function submit(p: Browsing, slug: string, each: string, date?: string) {
  await p.team.submit(slug, scores(each, date));
  await expect(p.page.getByText(/^Saved: SSI/)).toBeVisible();
}

test("a manager creates each kind of challenge, members see the standings move, and past ones keep their winners", async ({ people }) => {
  test.setTimeout(240_000);
  const manager = await people.signedIn();
  const mia = manager.person;
  const tag = mia.name.split(" ")[1];
  const slug = await manager.team.createTeam(`Climbers ${tag}`);
  const rivals = `Rivals ${tag}`;
  await manager.team.createTeam(rivals);
  const link = await manager.team.invite(slug, "");
  const r = await people.joined(link);
  const s = await people.joined(link);
  const [raj, sue] = [r.person, s.person];

  // Starting scores: Raj at 40, Sue at 80 four days ago; Sue also 70 three weeks ago (the past challenge).
  await submit(r, slug, "10", day(-4));
  await submit(s, slug, "20", day(-4));
  await submit(s, slug, "17.5", day(-21));

  // Bad input: a message on each field, and nothing created.
  const c = manager.challenges;
  await c.fill(slug, { name: "", kind: "Most improved", start: day(-3), end: day(-5) });
  await expect(c.page.getByText("Give the challenge a name.")).toBeVisible();
  await expect(c.page.getByText("The end must be on or after the start.")).toBeVisible();
  await expect(c.page.getByLabel("End", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await c.fill(slug, { name: "Too old", kind: "Most improved", start: day(-400), end: day(-390) });
  await expect(c.page.getByText("The start can be at most a year ago.")).toBeVisible();
  await c.fill(slug, { name: "Too high", kind: "Race to a target", target: "150", start: day(-3), end: day(10) });
  await expect(c.page.getByText("The target must be between 0 and 100 for the total SSI.")).toBeVisible();
  await c.fill(slug, { name: "Too high", kind: "Race to a target", metric: "Build relationships", target: "30", start: day(-3), end: day(10) });
  await expect(c.page.getByText("The target must be between 0 and 25 for a component.")).toBeVisible();
  await c.fill(slug, { name: "Alone", kind: "Team against team", start: day(-3), end: day(10) });
  await expect(c.page.getByText("Pick at least one other team to compete against.")).toBeVisible();
  await c.page.goto(`/t/${slug}/challenges`);
  await expect(c.page.getByText("No challenges yet")).toBeVisible();

  // Each kind.
  const improved = await c.create(slug, { name: `Most improved ${tag}`, kind: "Most improved", start: day(-3), end: day(10) });
  const race = await c.create(slug, { name: `Race ${tag}`, kind: "Race to a target", target: "70", start: day(-3), end: day(10) });
  const versus = await c.create(slug, { name: `Versus ${tag}`, kind: "Team against team", start: day(-3), end: day(10), against: [rivals] });
  const past = await c.create(slug, { name: `Past ${tag}`, kind: "Most improved", start: day(-20), end: day(-2) });
  const older = await c.create(slug, { name: `Older ${tag}`, kind: "Most improved", start: day(-20), end: day(-10) });

  // Before anyone submits again: Raj and Sue have their starting scores and no improvement; Mia has none.
  await r.page.goto(`/t/${slug}/challenges/${improved}`);
  await expect(r.challenges.row(raj.name).getByTestId("challenge-result")).toHaveText("0.00");
  await expect(r.challenges.row(mia.name).getByTestId("no-baseline")).toHaveText("no starting score");
  await expect(r.page.getByTestId("time-left")).toHaveText("11 days left");
  await expect(r.page.getByTestId("rules")).toContainText("a rep at 40 who climbs 8 points ranks above a rep at 85 who climbs 1");

  // Raj climbs 8 to 48, Sue 1 to 81: Raj leads the most improved, Sue has won the race.
  await submit(r, slug, "12");
  await submit(s, slug, "20.25");
  await r.page.goto(`/t/${slug}/challenges/${improved}`);
  await expect(r.challenges.row(raj.name)).toHaveAttribute("data-rank", "1");
  await expect(r.challenges.row(raj.name).getByTestId("challenge-result")).toHaveText("+8.00");
  await expect(r.challenges.row(sue.name)).toHaveAttribute("data-rank", "2");
  await r.page.goto(`/t/${slug}/challenges/${race}`);
  await expect(r.challenges.row(sue.name)).toHaveAttribute("data-rank", "1");
  await expect(r.challenges.row(sue.name).getByTestId("challenge-result")).toContainText("reached");
  await expect(r.challenges.row(raj.name).getByTestId("challenge-result")).toHaveText("22.0 to go");

  // Team against team: the rival team appears as an aggregate only.
  await r.page.goto(`/t/${slug}/challenges/${versus}`);
  await expect(r.page.getByTestId("team-standing")).toHaveCount(2);
  await expect(r.page.locator(`[data-testid="team-standing"][data-team-name="${rivals}"]`)).toContainText("0 of 1 members with a starting score");
  await expect(r.challenges.row(raj.name)).toBeVisible();

  // The board shows the running challenges in a strip; the past one keeps its winner.
  await r.page.goto(`/t/${slug}`);
  const strip = r.page.getByRole("region", { name: "Running challenges" });
  await expect(strip.getByTestId("challenge-card")).toHaveCount(3);
  await expect(strip.locator(`[data-challenge-name="Most improved ${tag}"]`)).toContainText(`Leading: ${raj.name}`);
  await expect(strip.locator(`[data-challenge-name="Most improved ${tag}"]`).getByTestId("challenge-you")).toHaveText("You: #1");
  await r.page.goto(`/t/${slug}/challenges`);
  await expect(r.page.locator(`[data-testid="past-challenge"][data-challenge-name="Past ${tag}"]`)).toContainText(`Winner: ${sue.name}`);
  // Ended two days ago, a late score may still count; ended ten days ago, the result is final.
  await r.page.goto(`/t/${slug}/challenges/${past}`);
  await expect(r.page.getByTestId("winners")).toHaveText(sue.name);
  await expect(r.page.getByTestId("result-status")).toContainText("Provisional until");
  await r.page.goto(`/t/${slug}/challenges/${older}`);
  await expect(r.page.getByTestId("result-status")).toHaveText("This is the final result.");

  // Mia renames the running challenge and moves its end; the start stays.
  await c.page.goto(`/t/${slug}/challenges/${improved}/edit`);
  await expect(c.page.getByLabel("Start", { exact: true })).toBeDisabled();
  await c.page.getByLabel("End", { exact: true }).fill(day(-1));
  await c.page.getByRole("button", { name: "Save changes" }).click();
  await expect(c.page.getByText("A running challenge can't end before today.")).toBeVisible();
  await c.page.getByLabel("Name", { exact: true }).fill(`Spring climb ${tag}`);
  await c.page.getByLabel("End", { exact: true }).fill(day(20));
  await c.page.getByRole("button", { name: "Save changes" }).click();
  await expect(c.page.getByRole("heading", { level: 1, name: `Spring climb ${tag}` })).toBeVisible();
  await expect(c.page.getByTestId("time-left")).toHaveText("21 days left");
});

test("a member cannot create or edit a challenge, and an outsider gets a 404", async ({ people }) => {
  test.setTimeout(120_000);
  const owner = await people.signedIn();
  const slug = await owner.team.createTeam(`Guarded ${Date.now()}`);
  const id = await owner.challenges.create(slug, { name: "Guarded climb", kind: "Most improved", start: day(0), end: day(7) });
  const member = await people.joined(await owner.team.invite(slug, ""));

  await member.page.goto(`/t/${slug}/challenges`);
  await expect(member.page.getByRole("link", { name: "Guarded climb" }).first()).toBeVisible();
  await expect(member.page.getByRole("link", { name: "New challenge" })).toHaveCount(0);
  await member.page.goto(`/t/${slug}/challenges/${id}`);
  await expect(member.page.getByRole("heading", { level: 1, name: "Guarded climb" })).toBeVisible();
  await expect(member.page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  for (const path of [`/t/${slug}/challenges/new`, `/t/${slug}/challenges/${id}/edit`]) {
    const res = await member.page.goto(path);
    expect(res?.status(), path).toBe(404);
  }

  const outsider = await people.signedIn();
  for (const path of [`/t/${slug}/challenges`, `/t/${slug}/challenges/${id}`, `/t/${slug}/challenges/${id}/edit`]) {
    const res = await outsider.page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(outsider.page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
    await expect(outsider.page.getByText("Guarded climb")).toHaveCount(0);
  }
});
