// A member who hides their components: their values are in nothing another member can fetch (HTML, the RSC
// payload inside it or asked for directly, the JSON API, CSV exports, the TV link), while managers still see them.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { isoDay } from "./helpers";

// Distinctive values, and how a page could round them: none of these strings may reach a teammate.
const HIDDEN = { brand: "23.47", people: "19.38", insights: "17.29", relationships: "11.16" };
const TOTAL = "71.3";
const ROUNDED = ["23.5", "19.4", "17.3", "11.2"];
const leaks = (text: string) =>
  [...Object.values(HIDDEN), ...ROUNDED].filter((v) => new RegExp(`(?<![\\d.])${v.replace(".", "\\.")}(?!\\d)`).test(text));

const daysAgo = (n: number) => isoDay(-n);

/** The page's HTML (with its inline RSC payload) and, asked for as a client navigation would, its RSC payload alone. */
async function fetchAll(request: APIRequestContext, path: string) {
  const html = await request.get(path, { maxRedirects: 0 });
  // Next answers an RSC request without its cache-busting `_rsc` parameter with a redirect to add it: follow it.
  const rsc = await request.get(path, { headers: { RSC: "1" }, maxRedirects: 2 });
  if (html.status() === 200 && html.headers()["content-type"]?.startsWith("text/html")) {
    expect(`${rsc.status()} ${rsc.headers()["content-type"]}`, `${path} as RSC`).toBe("200 text/x-component");
  }
  const [htmlText, rscText] = [await html.text(), await rsc.text()];
  return { status: html.status(), rsc: rscText, body: `${htmlText}\n${rscText}` };
}

test("a hidden member's components reach no teammate by any page, payload, API or export; managers still see them", async ({ people, playwright }) => {
  test.setTimeout(240_000);
  const owner = await people.signedIn();
  const slug = await owner.team.createTeam(`Leak ${owner.person.name.split(" ")[1]}`, "UTC");
  const memberLink = await owner.team.invite(slug, "");
  const managerLink = await owner.team.invite(slug, "", "manager");
  const hana = await people.joined(memberLink);
  const tom = await people.joined(memberLink);
  const max = await people.joined(managerLink);
  const [hanaP, tomP] = [hana.person, tom.person];
  await hana.me.setHideComponents(true);
  // Last week's score, so it is also in the weekly digest; the others score today.
  await hana.team.submit(slug, { ...HIDDEN, date: daysAgo(7) });
  await expect(hana.page.getByText(`Saved: SSI ${TOTAL} for ${daysAgo(7)}.`)).toBeVisible();
  await tom.team.submit(slug, { brand: "10", people: "12", insights: "14", relationships: "16" });
  await expect(tom.page.getByText(/^Saved: SSI/)).toBeVisible();

  // Ids and secrets the member might get hold of: Hana's member page and the team's TV link.
  await owner.page.goto(`/t/${slug}/dashboard`);
  const hanaPage = await owner.page.locator(`a[href^="/t/${slug}/members/"]`).filter({ hasText: hanaP.name }).first().getAttribute("href");
  expect(hanaPage).toMatch(/\/members\/[0-9a-f-]{36}$/);
  await owner.page.goto(`/t/${slug}/settings`);
  await owner.page.getByRole("button", { name: "Create secret TV link" }).click();
  const tvLink = new URL(await owner.page.getByLabel("TV link").inputValue()).pathname;

  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const tomToken = await tom.me.createToken("leak check");
  const maxToken = await max.me.createToken("leak check");
  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
  const asOf = `asOf=${daysAgo(0)}`;

  // Everything Tom can open, or try to: pages of the team, his own pages, the exports, the TV link, the API.
  const boardPaths = [`/t/${slug}`, ...["brand", "people", "insights", "relationships"].map((by) => `/t/${slug}?by=${by}&${asOf}`), `/t/${slug}?asOf=${daysAgo(7)}`];
  const tomPaths = [
    ...boardPaths,
    `/t/${slug}/submit`,
    `/t/${slug}/scores`,
    "/teams",
    "/teams/overview",
    "/me",
    "/mail",
    "/account",
    "/account/export",
    "/account/export.csv",
    `/t/${slug}/export`,
    `/t/${slug}/members`,
    hanaPage!,
    `/t/${slug}/dashboard`,
    `/t/${slug}/digest?member=${hanaPage!.split("/").pop()}`,
    `/tv/team/${slug}`,
  ];
  const reached: string[] = [];
  for (const path of tomPaths) {
    const { status, body } = await fetchAll(tom.page.request, path);
    expect(body.length, path).toBeGreaterThan(0);
    expect(leaks(body), `${path} (${status})`).toEqual([]);
    if (status === 200) reached.push(path);
  }
  // The board and his own pages opened; the managers' pages did not.
  expect(reached).toEqual(expect.arrayContaining([...boardPaths, "/me", "/account/export.csv"]));
  for (const path of [`/t/${slug}/export`, hanaPage!, `/t/${slug}/dashboard`, `/tv/team/${slug}`]) expect(reached, path).not.toContain(path);

  // The secret TV link shows the board as a teammate would see it, whoever holds it.
  const tv = await fetchAll(api, tvLink);
  expect(tv.status).toBe(200);
  expect(tv.body).toContain(hanaP.name);
  expect(leaks(tv.body)).toEqual([]);

  // The API, with Tom's token: the board by every column, and the snapshot list (his own).
  for (const q of ["", "?by=brand", "?by=people", "?by=insights", "?by=relationships", `?asOf=${daysAgo(7)}`]) {
    const res = await api.get(`/api/v1/teams/${slug}/leaderboard${q}`, bearer(tomToken));
    expect(res.status(), q).toBe(200);
    const text = await res.text();
    expect(text).toContain(hanaP.name);
    expect(leaks(text), q).toEqual([]);
  }
  expect(leaks(await (await api.get("/api/v1/snapshots", bearer(tomToken))).text())).toEqual([]);

  // What Tom's own weekly digest contains, as the manager's preview shows it (exactly what would be sent).
  await owner.page.goto(`/t/${slug}/dashboard`);
  const tomPage = await owner.page.locator(`a[href^="/t/${slug}/members/"]`).filter({ hasText: tomP.name }).first().getAttribute("href");
  const digest = await fetchAll(owner.page.request, `/t/${slug}/digest?member=${tomPage!.split("/").pop()}`);
  expect(digest.status).toBe(200);
  expect(digest.body).toContain(hanaP.name);
  expect(leaks(digest.body)).toEqual([]);

  // Managers and owners see all of it, by design: on the board, the member's page, the API and the export.
  for (const viewer of [owner, max]) {
    const board = await fetchAll(viewer.page.request, `/t/${slug}?asOf=${daysAgo(0)}`);
    expect(board.rsc).toContain(HIDDEN.brand); // the RSC payload does carry the values when they may be seen
    const memberPage = await fetchAll(viewer.page.request, hanaPage!);
    expect(memberPage.status).toBe(200);
    for (const v of Object.values(HIDDEN)) expect(memberPage.body).toContain(v);
    const csv = await viewer.page.request.get(`/t/${slug}/export?from=${daysAgo(30)}&to=${daysAgo(0)}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`${HIDDEN.brand},${HIDDEN.people},${HIDDEN.insights},${HIDDEN.relationships}`);
  }
  const asManager = await api.get(`/api/v1/teams/${slug}/leaderboard?by=brand`, bearer(maxToken));
  const hanaEntry = ((await asManager.json()).entries as { name: string }[]).find((e) => e.name === hanaP.name);
  expect(hanaEntry).toMatchObject({ hidden: false, components: { brand: 23.47, people: 19.38, insights: 17.29, relationships: 11.16 } });

  await api.dispose();
});
