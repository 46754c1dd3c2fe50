import { expect, test } from "./fixtures";
import { isoDay } from "./helpers";

/** An ISO date n days before today in Europe/Berlin (the teams' zone here). */
const daysAgo = (n: number) => isoDay(-n, "Europe/Berlin");

test("an emailed invitation shows in the invitee's mail preview, and the manager previews their digest", async ({ browser, people }) => {
  test.setTimeout(120_000);
  const manager = await people.signedIn();
  const mia = manager.person;
  const raj = people.person();
  const teamName = `Digest Co ${mia.name.split(" ")[1]}`;
  const slug = await manager.team.createTeam(teamName);
  await manager.team.invite(slug, raj.email);

  // Raj, whose address is proved (e2e/email-proof.spec.ts proves one), finds the invitation in his mail preview,
  // with a working link.
  const rep = await people.signIn(raj);
  await rep.mail.open(`${mia.name} invited you to ${teamName} on SSI Leaderboard`);
  const accept = rep.mail.html.getByRole("link", { name: "Accept the invitation" });
  await expect(accept).toHaveAttribute("href", /\/invite\/[\w-]+$/);
  await expect(await rep.mail.textPart()).toContainText(`${mia.name} invited you to join ${teamName} as a member`);
  await rep.page.goto(new URL((await accept.getAttribute("href"))!).pathname);
  await rep.page.getByRole("button", { name: /^Join / }).click();
  await expect(rep.page).toHaveURL(new RegExp(`/t/${slug}\\?joined=1$`));

  // Raj recorded 60 a week ago, in the week the next digest reports on.
  await rep.team.submit(slug, { brand: "15", people: "12", insights: "16", relationships: "17", date: daysAgo(7) });
  await expect(rep.page.getByText(`Saved: SSI 60 for ${daysAgo(7)}.`)).toBeVisible();

  // The manager previews Raj's digest: his rank, his score, his weakest component, the top 5.
  await manager.mail.previewDigest(slug, raj.name);
  await expect(manager.page.getByTestId("mail-subject")).toHaveText(`You're #1 on ${teamName} — new on the board this week`);
  await expect(manager.page.getByText(`To: ${raj.email}`)).toBeVisible();
  const digest = manager.mail.html;
  await expect(digest.getByRole("heading", { level: 1 })).toHaveText(`You're #1 of 1 on ${teamName}, new on the board this week.`);
  await expect(digest.getByText("Find the right people")).toBeVisible();
  await expect(digest.getByText(`${raj.name} (you)`, { exact: true })).toBeVisible();
  // The ended week and the one that has begun are named by their dates ("3 – 9 Mar 2025"), not both "this week".
  await expect(digest.getByText(/^You recorded your SSI in the week of \d+ \w+ – \d+ \w+ \d{4} \(/)).toBeVisible();
  await expect(digest.getByRole("link", { name: /^Record your SSI for \d+ \w+ – \d+ \w+ \d{4}$/ })).toHaveAttribute("href", new RegExp(`/t/${slug}/submit$`));
  await expect(await manager.mail.textPart()).toContainText("Your SSI: 60.0");

  // Nothing was sent: Raj's mail has only the invitation.
  await rep.page.goto("/mail");
  await expect(rep.page.getByTestId("mail-list").getByRole("listitem")).toHaveCount(1);

  // A member cannot open the digest preview; a signed-out visitor is sent to sign in from the mail page.
  expect((await rep.page.goto(`/t/${slug}/digest`))?.status()).toBe(404);
  const anon = await browser.newContext();
  const anonPage = await anon.newPage();
  await anonPage.goto("/mail");
  await expect(anonPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fmail$/);
  await anon.close();
});

test("the unsubscribe link in a digest works without signing in, and preferences show it", async ({ browser, signedIn: owner }) => {
  const ann = owner.person;
  const slug = await owner.team.createTeam(`Unsub Co ${ann.name.split(" ")[1]}`);
  await owner.mail.previewDigest(slug, `${ann.name} (you)`);
  const href = await owner.mail.html.getByRole("link", { name: "Unsubscribe" }).getAttribute("href");
  expect(href).toMatch(/\/unsubscribe\?token=digest\./);

  // Someone opens the link in a browser where nobody is signed in.
  const anon = await browser.newContext();
  const page = await anon.newPage();
  await page.goto(new URL(href!).pathname + new URL(href!).search);
  await expect(page.getByRole("heading", { name: "Unsubscribe from the weekly digest?" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByText("You're unsubscribed")).toBeVisible();
  // A tampered link is refused.
  await page.goto(new URL(href!).pathname + new URL(href!).search.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
  await expect(page.getByRole("heading", { name: "This unsubscribe link is not valid" })).toBeVisible();

  // The owner's preferences now show the digest off; the preview says it will not be sent; they turn it back on.
  await owner.page.goto("/account/notifications");
  const digest = owner.page.getByRole("checkbox", { name: "Weekly digest" });
  await expect(digest).not.toBeChecked();
  await owner.mail.previewDigest(slug, `${ann.name} (you)`);
  await expect(owner.page.getByText("this person has turned the digest off")).toBeVisible();
  await owner.page.goto("/account/notifications");
  await digest.check();
  await owner.page.getByRole("button", { name: "Save preferences" }).click();
  await expect(owner.page.getByText("Email preferences saved.")).toBeVisible();
  await owner.page.reload();
  await expect(owner.page.getByRole("checkbox", { name: "Weekly digest" })).toBeChecked();
  await anon.close();
});
