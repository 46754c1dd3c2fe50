// The SSI page pasted in any language: read into the form, read on save, or explained when unreadable.
import { expect, test } from "./fixtures";
import { expectFilled } from "./pages/paste";
import { PORTUGUESE_PAGE } from "../lib/testing/ssi-pages";

test("a Portuguese paste saved without 'Fill the form' is read into the form first, then saved", async ({ signedIn: rep }) => {
  const slug = await rep.team.createTeam(`Colar ${Date.now()}`, "UTC");
  await rep.page.goto(`/t/${slug}/submit`);
  await rep.page.getByLabel("Paste from LinkedIn").fill(PORTUGUESE_PAGE.text);
  await rep.page.getByRole("button", { name: "Save my SSI" }).click();
  await expect(rep.page.getByText(/^Not saved yet: we read your pasted text into the form\. Check/)).toBeVisible();
  await expect(rep.page.getByText(/Enter your score for/)).toHaveCount(0);
  await expectFilled(rep.page, PORTUGUESE_PAGE);
  await rep.page.getByRole("button", { name: "Save my SSI" }).click();
  await expect(rep.page.getByText(/^Saved: SSI 53 for/)).toBeVisible();
});

test("an unreadable paste says what was looked for and offers the typed form", async ({ signedIn: rep }) => {
  const slug = await rep.team.createTeam(`Unread ${Date.now()}`, "UTC");
  await rep.page.goto(`/t/${slug}/submit`);
  await rep.page.getByLabel("Paste from LinkedIn").fill("Home My Network Jobs Messaging 12 Notifications 3");
  await rep.page.getByRole("button", { name: "Save my SSI" }).click();
  const alert = rep.page.getByRole("alert").filter({ hasText: "We couldn't find SSI scores" });
  await expect(alert).toContainText("English or Portuguese");
  await expect(alert).toContainText("a total out of 100 followed by four scores from 0 to 25");
  await expect(rep.page.getByText(/^Not saved: your pasted text could not be read/)).toBeVisible();
  await alert.getByRole("button", { name: "Type my scores instead" }).click();
  await expect(rep.page.getByLabel("Establish your professional brand")).toBeFocused();
  await rep.team.submit(slug, { brand: "10", people: "10", insights: "10", relationships: "10" });
  await expect(rep.page.getByText(/^Saved: SSI 40 for/)).toBeVisible();
});
