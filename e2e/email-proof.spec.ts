import { newPerson } from "./factories";
import { E2E_FIXTURES } from "./fixtures-data";
import { expect, test } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { confirmAddress, signedUpBrowser } from "./helpers";

test("an outsider who signs up with an invited address sees no invitation and cannot join until the address is proved", async ({ browser, people }) => {
  test.setTimeout(120_000);
  const owner = await people.signedIn();
  const slug = await owner.team.createTeam(`Claim Co ${Math.random().toString(36).slice(2, 7)}`);
  const newhire = newPerson("newhire");
  const link = await owner.team.invite(slug, newhire.email, "manager");
  // Without SMTP the manager is told to pass the link on; nothing was emailed.
  await expect(owner.page.getByText("This server sends no email: pass this link on to them yourself.")).toBeVisible();

  // Someone else signs up with the invited address (not through the link): the invitation is not in their mail.
  // (Through the form: an unproved address is what this is about.)
  const outsider = await signedUpBrowser(browser, { ...newhire, name: "Not The Newhire" });
  await outsider.page.goto("/mail");
  await expect(outsider.page.getByTestId("mail-unconfirmed")).toContainText(`Mail sent to ${newhire.email} shows here once you have confirmed`);
  await expect(outsider.page.getByText("No email for you yet.")).toBeVisible();
  // Even holding the link, the unproved account cannot accept.
  await outsider.page.goto(link);
  await expect(outsider.page.getByTestId("invite-unconfirmed")).toContainText(`Confirm that ${newhire.email} is yours before accepting`);
  await expect(outsider.page.getByRole("button", { name: /^Join / })).toHaveCount(0);
  expect((await outsider.page.goto(`/t/${slug}`))?.status()).toBe(404);
  await outsider.page.goto("/account");
  await expect(outsider.page.getByText("Your email address is not confirmed yet")).toBeVisible();

  // Once the address is proved (the link reaches whoever receives mail there), the invitation is theirs.
  await confirmAddress(browser, outsider.page, newhire.email);
  await expect(outsider.page.getByText(`Email address confirmed: ${newhire.email} is yours.`)).toBeVisible();
  await outsider.mail.open(/invited you to Claim Co/);
  await outsider.page.goto(link);
  await outsider.page.getByRole("button", { name: /^Join / }).click();
  await expect(outsider.page).toHaveURL(new RegExp(`/t/${slug}\\?joined=1$`));
  await outsider.context.close();
});

test("an email change waits for the new address to be proved, and the proof link works only for its account", async ({ browser, people }) => {
  test.setTimeout(120_000);
  const a = await people.signedIn();
  const ann = a.person;
  const moved = `moved-${ann.email}`;
  await a.page.goto("/account");
  await a.page.getByLabel("Email", { exact: true }).fill(moved);
  await a.page.getByRole("button", { name: "Save profile" }).click();
  await expect(a.page.getByText(`Waiting for you to confirm ${moved}`)).toBeVisible();
  await expect(a.page.getByText(`Your email stays ${ann.email} until you open the link we sent to ${moved}.`)).toBeVisible();

  // Another signed-in person who gets hold of the link cannot use it.
  const other = await people.signedIn();
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await new AuthPages(adminPage).signIn(E2E_FIXTURES.adminEmail, E2E_FIXTURES.adminPassword);
  await expect(adminPage).toHaveURL(/\/teams$/);
  await adminPage.goto("/mail");
  await adminPage.getByTestId("mail-list").getByRole("link", { name: `for ${moved}` }).first().click();
  await expect(adminPage.getByText(`To: ${moved}`, { exact: true })).toBeVisible();
  const href = await adminPage.frameLocator('[data-testid="mail-html"]').getByRole("link", { name: "Confirm this address" }).getAttribute("href");
  await admin.close();
  await other.page.goto(new URL(href!).pathname);
  await expect(other.page.getByRole("heading", { name: "This link is for another account" })).toBeVisible();
  await expect(other.page.getByRole("button", { name: /^Confirm / })).toHaveCount(0);

  // Ann uses it: her sign-in address changes.
  await a.page.goto(new URL(href!).pathname);
  await a.page.getByRole("button", { name: `Confirm ${moved}` }).click();
  await expect(a.page.getByText(`Email address confirmed: ${moved} is yours.`)).toBeVisible();
  await expect(a.page.getByLabel("Email", { exact: true })).toHaveValue(moved);
});
