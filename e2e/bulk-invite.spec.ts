// Inviting a whole team at once from the members page: a pasted list and a CSV, a preview that tells new
// people from members, people already invited, repeats and lines that are not addresses, then one send.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SHOTS = process.env.SCREENSHOT_DIR;
const preview = (page: Page) => page.getByTestId("bulk-invite-preview");
const rowFor = (page: Page, text: string) => page.getByTestId("bulk-row").filter({ hasText: text });

test("a manager pastes a list, sees who is new, and sends every new invitation at once", async ({ browser, people }) => {
  test.setTimeout(150_000);
  const manager = await people.signedIn();
  const mia = manager.person;
  const slug = await manager.team.createTeam(`Bulk ${mia.name.split(" ")[1]}`);
  const joinLink = await manager.team.invite(slug, "");
  const raj = (await people.joined(joinLink)).person;
  const tag = mia.name.split(" ")[1];
  const invited = `invited-${tag}@example.test`;
  await manager.team.invite(slug, invited);
  const [ana, ben] = [`ana-${tag}@example.test`, `ben-${tag}@example.test`];

  const page = manager.page;
  await page.goto(`/t/${slug}/members`);
  await page.getByLabel("People to invite").fill([`Ana Alves <${ana}>`, ben, raj.email, invited, "carla@", `ANA-${tag}@example.test`, "Just a name"].join("\n"));
  await page.getByLabel("Role for everyone").selectOption("manager");
  await page.getByRole("button", { name: "Preview invitations" }).click();

  await expect(preview(page)).toContainText("nothing has been sent yet");
  for (const [status, n] of [["new", 2], ["member", 1], ["pending", 1], ["invalid", 2], ["repeat", 1]] as const) {
    await expect(page.getByTestId(`bulk-count-${status}`)).toContainText(String(n));
  }
  await expect(rowFor(page, "Ana Alves")).toHaveAttribute("data-status", "new");
  await expect(rowFor(page, raj.email)).toContainText("Already a member");
  await expect(rowFor(page, invited)).toContainText("Already invited");
  await expect(rowFor(page, "carla@")).toContainText("“carla@” is not an email address: expected name@company.com or Name <name@company.com>.");
  await expect(rowFor(page, "Just a name")).toContainText("No email address on this line");
  await expect(page.getByTestId("bulk-row").nth(5)).toContainText("The same address as line 1: invited once.");
  if (SHOTS) await shoot(page);

  // Nothing was sent by the preview.
  await expect(page.getByTestId("pending-invite").filter({ hasText: ana })).toHaveCount(0);
  // Re-inviting the one already invited is a choice.
  await page.getByLabel(/Send a new invitation to the 1 person already invited/).check();
  await expect(page.getByRole("button", { name: "Send 3 invitations" })).toBeVisible();
  await page.getByLabel(/Send a new invitation to the 1 person already invited/).uncheck();
  await page.getByRole("button", { name: "Send 2 invitations" }).click();
  await expect(page.getByText("Sent 2 invitations")).toBeVisible();
  await expect(page.getByTestId("pending-invite").filter({ hasText: ana })).toContainText("Manager");
  await expect(page.getByTestId("pending-invite").filter({ hasText: ben })).toContainText("Manager");
  await expect(page.getByTestId("pending-invite").filter({ hasText: invited })).toHaveCount(1);

  // Each link is the person's own invitation, as the single invitation's.
  await page.getByText("The 2 links").click();
  const link = (await page.locator("li", { hasText: ana }).locator("code").innerText()).trim();
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(new URL(link).pathname);
  await expect(guestPage.getByText(`Bulk ${tag}`).first()).toBeVisible();
  await guest.close();
});

test("a CSV of names and emails in Excel's Windows encoding invites by its columns; a bad list says why", async ({ signedIn: { person: pat, page, team } }) => {
  const slug = await team.createTeam(`Csv ${pat.name.split(" ")[1]}`);
  await page.goto(`/t/${slug}/members`);

  await page.getByRole("button", { name: "Preview invitations" }).click();
  await expect(page.locator("#bulk-list-error")).toHaveText("Paste at least one email address, or choose a CSV file of names and emails.");

  const tag = pat.name.split(" ")[1];
  const csv = Buffer.from(`Team;Full name;E-mail\r\nEast;Jos\xe9 N\xfa\xf1ez;jose-${tag}@example.test\r\nWest;Bo;not-an-address\r\n`, "latin1");
  await page.getByLabel("Or a CSV file of names and emails").setInputFiles({ name: "team.csv", mimeType: "text/csv", buffer: csv });
  await page.getByRole("button", { name: "Preview invitations" }).click();
  await expect(preview(page)).toContainText("Preview of team.csv");
  await expect(rowFor(page, "José Núñez")).toHaveAttribute("data-status", "new");
  await expect(rowFor(page, "not-an-address")).toHaveAttribute("data-status", "invalid");
  await page.getByRole("button", { name: "Send 1 invitation" }).click();
  await expect(page.getByText("Sent 1 invitation")).toBeVisible();
  await expect(page.getByTestId("pending-invite").filter({ hasText: `jose-${tag}@example.test` })).toContainText("Member");
});

async function shoot(page: Page) {
  fs.mkdirSync(SHOTS!, { recursive: true });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByRole("heading", { name: "Invite a whole team" }).scrollIntoViewIfNeeded();
      await page.locator(`section[aria-labelledby="bulk-invite-heading"]`).screenshot({ path: path.join(SHOTS!, `bulk-invite-${width}-${scheme}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });
}
