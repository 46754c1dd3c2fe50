// A CSV over the import's 10 MB limit gets the size message next to the file field, and nothing is uploaded or
// imported; one just under it still previews.
import { expect, test } from "./fixtures";

const HEADER = "email,name,measured_on,total,brand,people,insights,relationships,industry_rank,network_rank,industry_avg,network_avg";

test("a CSV over 10 MB shows the size message instead of an error page", async ({ signedIn: { person: mo, page, team } }) => {
  test.setTimeout(120_000);
  const slug = await team.createTeam(`Big ${mo.name.split(" ")[1]}`);
  await page.goto(`/t/${slug}/import`);

  // About 11 MB of rows.
  const row = `${mo.email},${"x".repeat(200)},2024-01-01,50,12.5,12.5,12.5,12.5,,,,\n`;
  const big = Buffer.from(HEADER + "\n" + row.repeat(Math.ceil((11 * 1024 * 1024) / row.length)), "utf8");
  let uploaded = false;
  page.on("request", (r) => {
    if (r.method() === "POST" && (r.postDataBuffer()?.length ?? 0) > 1024 * 1024) uploaded = true;
  });
  await page.getByLabel("Spreadsheet file").setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: big });
  await expect(page.getByText("The file is larger than 10 MB. Split it into smaller files.")).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^Preview of/ })).toHaveCount(0);
  await expect(page.getByLabel("Spreadsheet file")).toHaveAttribute("aria-invalid", "true");
  expect(uploaded, "the oversized file is never sent").toBe(false);

  // A small file chosen instead clears the message and previews.
  await page.getByLabel("Spreadsheet file").setInputFiles({ name: "small.csv", mimeType: "text/csv", buffer: Buffer.from(`${HEADER}\n${mo.email},${mo.name},2024-01-01,50,12.5,12.5,12.5,12.5,,,,\n`) });
  await expect(page.getByText("The file is larger than 10 MB.")).toHaveCount(0);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview of small.csv" })).toBeVisible();
});
