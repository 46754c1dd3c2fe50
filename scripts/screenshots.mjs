// Takes screenshots of the given paths at desktop and phone width, light and dark, for looking at a screen.
// Usage: node scripts/screenshots.mjs http://localhost:3000 out-dir [--user email:password] path1 path2 …
import fs from "node:fs";
import { chromium } from "@playwright/test";

const [base, outDir, ...rest] = process.argv.slice(2);
let user;
const paths = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === "--user") user = rest[++i];
  else paths.push(rest[i]);
}
fs.mkdirSync(outDir, { recursive: true });
const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"] });
const sizes = { desktop: { width: 1280, height: 860 }, tablet: { width: 820, height: 1180 }, phone: { width: 360, height: 780 }, tv: { width: 1920, height: 1080 } };
const wanted = (process.env.SIZES ?? "desktop,phone").split(",");
const schemes = (process.env.SCHEMES ?? "light,dark").split(",");
for (const scheme of schemes) {
  for (const size of wanted) {
    const ctx = await browser.newContext({ viewport: sizes[size], colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    if (user) {
      const [email, password] = user.split(":");
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    }
    for (const p of paths) {
      await page.goto(`${base}${p}`);
      await page.waitForLoadState("networkidle");
      const name = `${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root"}-${size}-${scheme}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
      console.log(`${outDir}/${name}`);
    }
    await ctx.close();
  }
}
await browser.close();
