import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Collects every Content-Security-Policy violation the browser reports on this page. */
function cspViolations(page: Page) {
  const found: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) found.push(`${page.url()}: ${msg.text()}`);
  });
  return found;
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

test("every page response carries the security headers and a fresh script nonce that its scripts use", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  for (const res of [first, second, await request.get("/")]) {
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-inline' 'strict"); // scripts never run inline unchecked
    const nonce = nonceOf(h["content-security-policy"]);
    expect(nonce, "script-src names a nonce").toBeTruthy();
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "every script tag carries this response's nonce").toContain(`nonce="${nonce}"`);
  }
  expect(nonceOf(first.headers()["content-security-policy"])).not.toBe(nonceOf(second.headers()["content-security-policy"]));

  // JSON answers are not pages, but they may not be framed or sniffed either.
  const health = await request.get("/api/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["x-frame-options"]).toBe("DENY");
  expect(health.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  // Unknown addresses render the 404 page per request too, so its scripts are allowed to run.
  const missing = await request.get("/no-such-page-here");
  expect(missing.status()).toBe(404);
  const missingNonce = nonceOf(missing.headers()["content-security-policy"]);
  expect(await missing.text()).toContain(`nonce="${missingNonce}"`);

  // The TV screen may be embedded by an office dashboard; nothing else may.
  const tv = await request.get("/tv/not-a-real-token");
  expect(tv.status()).toBe(404);
  expect(tv.headers()["x-frame-options"]).toBeUndefined();
  expect(tv.headers()["x-content-type-options"]).toBe("nosniff");
  expect(tv.headers()["content-security-policy"]).toContain("frame-ancestors *");
});

test("the app works under its Content-Security-Policy: forms, live totals, charts and the main pages, with no violation", async ({
  page,
  people,
  auth,
  team,
}) => {
  test.setTimeout(120_000);
  const violations = cspViolations(page);
  // Signed in here, not by a fixture, so that the sign-in form runs under the policy too.
  const owner = people.person();
  await auth.signIn(owner.email, owner.password);
  await expect(page).toHaveURL(/\/teams$/);
  const slug = await team.createTeam(`CSP ${owner.name.split(" ")[1]}`);

  // Typing updates the live total: client scripts hydrated under the policy.
  await page.goto(`/t/${slug}/submit`);
  await page.getByLabel("Establish your professional brand").fill("20.5");
  await page.getByLabel("Find the right people").fill("10");
  await page.getByLabel("Engage with insights").fill("10");
  await page.getByLabel("Build relationships").fill("10");
  await expect(page.getByText("Total: 50.5 (sum of the four components)")).toBeVisible();
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByText(/Saved: SSI 50\.5 for/)).toBeVisible();
  await page.goto(`/t/${slug}`);
  await expect(team.row(owner.name)).toBeVisible();

  // Charts draw on a canvas from a client script.
  await page.goto(`/t/${slug}/dashboard`);
  const chart = page.locator("canvas").first();
  await expect(chart).toBeVisible();
  await expect.poll(async () => chart.evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);

  for (const path of ["/teams", `/t/${slug}/members`, `/t/${slug}/settings`, "/me", "/account", "/mail"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
  }
  expect(violations).toEqual([]);
});
