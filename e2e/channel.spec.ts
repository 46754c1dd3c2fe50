import fs from "node:fs";
import type { Page } from "@playwright/test";
import { startWebhookStandIn, type WebhookStandIn } from "../db/testing/webhook-stand-in";
import { expect, test } from "./fixtures";
import { E2E_PORTS } from "./ports";

// The app allows this origin (playwright.config.ts sets CHANNEL_WEBHOOK_ALLOWED_ORIGINS for the server).
const STAND_IN_PORT = E2E_PORTS.webhookStandIn;
let hook: WebhookStandIn;
// One worker for this file: the stand-in listens on a fixed port, so two workers' copies of it would collide.
test.describe.configure({ mode: "default" });
test.beforeAll(async () => {
  hook = await startWebhookStandIn(STAND_IN_PORT);
});
test.afterAll(() => hook.close());

/** With SCREENSHOT_DIR set: the page at desktop and phone width, light and dark (for looking at the screens). */
async function shoot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  for (const [w, label] of [[1280, "desktop"], [390, "phone"]] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width: w, height: 860 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${dir}/channel-${name}-${label}-${scheme}.png`, fullPage: true });
    }
  }
  if (size) await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: "light" });
}

test("a manager connects a Slack channel, sends a test message that arrives, sees a refusal mark it broken, and disconnects", async ({ signedIn: { person: mo, page, team } }) => {
  test.setTimeout(120_000);
  const teamName = `Channel Crew ${mo.name.split(" ")[1]}`;
  const slug = await team.createTeam(teamName);

  await page.goto(`/t/${slug}/settings`);
  await page.getByRole("link", { name: "Channel settings" }).click();
  await expect(page.getByRole("heading", { name: "Team channel", level: 1 })).toBeVisible();
  await expect(page.getByText("No channel is connected.")).toBeVisible();
  await shoot(page, "disconnected");

  // An address that is neither Slack's, Teams' nor allowed is refused next to the field.
  await page.getByLabel("Webhook URL").fill("http://169.254.169.254/latest/meta-data/");
  await page.getByRole("button", { name: "Connect channel" }).click();
  await expect(page.getByText("Only Slack (https://hooks.slack.com/services/…) and Microsoft Teams workflow webhook URLs can be connected.")).toBeVisible();

  const secret = `e2e-secret-${Date.now()}`;
  await page.getByLabel("Webhook URL").fill(hook.url(`/services/T1/B1/${secret}`));
  await page.getByLabel("Service").selectOption("slack");
  await page.getByRole("button", { name: "Connect channel" }).click();
  await expect(page.getByRole("button", { name: "Send a test message" })).toBeVisible();
  await expect(page.locator("dd").getByText("Slack", { exact: true })).toBeVisible();
  await expect(page.getByText(`127.0.0.1:${STAND_IN_PORT} …${secret.slice(-4)}`)).toBeVisible();
  expect(await page.content()).not.toContain(secret); // shown only as host and last characters

  await page.getByRole("button", { name: "Send a test message" }).click();
  await expect(page.getByText("Test message sent: Slack answered 200 ok.")).toBeVisible();
  const arrived = hook.delivered().filter((r) => r.path.endsWith(secret));
  expect(arrived).toHaveLength(1);
  expect(JSON.stringify(arrived[0]!.json)).toContain(`This channel is connected to ${teamName} on SSI Leaderboard`);
  await expect(page.getByText("Working")).toBeVisible();
  await shoot(page, "connected");

  hook.replyNext({ status: 404, body: "channel_not_found" });
  await page.getByRole("button", { name: "Send a test message" }).click();
  await expect(page.getByText("The test message was not posted: Slack answered 404 channel_not_found")).toBeVisible();
  await expect(page.getByText("The connection is broken")).toBeVisible();
  await expect(page.getByText("Broken", { exact: true })).toBeVisible();
  await shoot(page, "broken");

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByText("No channel is connected.")).toBeVisible();
});

test("a member of the team gets a 404 on the channel settings and no link to them", async ({ people }) => {
  const owner = await people.signedIn();
  const slug = await owner.team.createTeam(`Channel Guard ${Date.now()}`);
  const member = await people.joined(await owner.team.invite(slug, ""));
  await expect(member.page).toHaveURL(new RegExp(`/t/${slug}\\?joined=1$`));
  const res = await member.page.goto(`/t/${slug}/settings/channel`);
  expect(res?.status()).toBe(404);
  await member.page.goto(`/t/${slug}/settings`);
  await expect(member.page.getByRole("link", { name: "Channel settings" })).toHaveCount(0);
});
