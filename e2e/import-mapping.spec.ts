// The manager's spreadsheet import with column mapping: a Sales Navigator-style UTF-16 file without dates, an
// Excel workbook with a column the guess doesn't know, the mapping kept for the next import, and bad files.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { isoDay } from "./helpers";

const daysAgo = (n: number) => isoDay(-n, "Europe/Berlin");
const SHOTS = process.env.SCREENSHOT_DIR;

async function upload(page: Page, slug: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto(`/t/${slug}/import`);
  await page.getByLabel("Spreadsheet file").setInputFiles(file);
  await page.getByRole("button", { name: "Preview", exact: true }).click();
}

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const mapping = (page: Page) => page.getByTestId("import-mapping");
const failure = (page: Page) => page.getByRole("alert").filter({ hasText: "Nothing was imported" });
const row = (page: Page, line: number) => page.locator(`[data-testid="import-row"][data-line="${line}"]`);

test("a manager maps a usage report's columns, previews, imports, and finds the mapping kept next time", async ({ people }) => {
  test.setTimeout(180_000);
  const manager = await people.signedIn();
  const mia = manager.person;
  const slug = await manager.team.createTeam(`Map ${mia.name.split(" ")[1]}`);
  const rep = await people.joined(await manager.team.invite(slug, ""));
  const raj = rep.person;
  const page = manager.page;

  // A Sales Navigator-style report saved as "Unicode Text": UTF-16, tabs, names, no date column.
  const report = [
    "Seat holder\tSSI\tProfessional brand\tFind the right people\tEngage with insights\tBuild relationships\tContract",
    `${raj.name}\t71\t18,52\t16,30\t14,75\t21,40\tAcme`,
    `Someone Else\t50\t12,5\t12,5\t12,5\t12,5\tAcme`,
  ].join("\r\n");
  await upload(page, slug, { name: "usage.txt", mimeType: "text/plain", buffer: utf16(report) });
  await expect(mapping(page)).toContainText("Read as CSV, UTF-16 LE, tab-separated, 2 rows.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("0");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Establish your professional brand")).toHaveValue("2");
  await expect(page.getByLabel("Build relationships")).toHaveValue("5");
  // No date column: one date for every row, today until changed.
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue("fixed");
  await expect(page.getByLabel("Date of these scores")).toHaveValue(daysAgo(0));
  await expect(row(page, 2)).toHaveAttribute("data-status", "insert");
  await expect(row(page, 3)).toHaveAttribute("data-status", "error");
  await expect(row(page, 3)).toContainText("No member of this team is named “Someone Else”");

  // Last week's report: the date changes, the preview must be updated before importing.
  await page.getByLabel("Date of these scores").fill(daysAgo(7));
  await expect(page.getByRole("button", { name: "Import 1 row" })).toBeDisabled();
  await expect(page.getByText("You changed the columns: update the preview before importing.")).toBeVisible();
  if (SHOTS) await shoot(page, "import-mapping", page.getByTestId("import-mapping"));
  await page.getByRole("button", { name: "Update preview" }).click();
  await expect(row(page, 2)).toContainText(daysAgo(7));
  if (SHOTS) await shoot(page, "import-preview", page.locator('section[aria-labelledby="preview-title"]'));
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByText("1 added, 0 replaced, 0 unchanged, 1 row with errors skipped.")).toBeVisible();

  await rep.page.goto(`/t/${slug}/scores`);
  await expect(rep.page.getByTestId("score-row").filter({ hasText: daysAgo(7) })).toContainText("71.00");

  // An Excel workbook with "Mitglied" for the person: not a name the guess knows, so the manager picks it.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("SSI");
  ws.addRow(["Mitglied", "Datum", "Professional brand", "Find the right people", "Engage with insights", "Build relationships"]);
  ws.addRow([raj.name, new Date(`${daysAgo(1)}T00:00:00Z`), 20, 20, 20, 20]);
  const xlsx = { name: "team.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
  await upload(page, slug, xlsx);
  await expect(mapping(page)).toContainText("Read as Excel workbook, sheet “SSI”, 1 row.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
  await expect(page.getByText("Choose the column with each person's email address or name.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Preview of/ })).toHaveCount(0);
  await page.getByLabel("Name", { exact: true }).selectOption({ label: `A · Mitglied — e.g. ${raj.name}` });
  await page.getByLabel("Date", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Update preview" }).click();
  await expect(row(page, 2)).toHaveAttribute("data-status", "insert");
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByText("1 added, 0 replaced, 0 unchanged.")).toBeVisible();

  // The same workbook next week: the mapping is the one used last time, and the preview comes at once.
  await upload(page, slug, xlsx);
  await expect(mapping(page)).toContainText("Columns with the same names as in your last import are matched the same way");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("0");
  await expect(row(page, 2)).toHaveAttribute("data-status", "unchanged");
});

test("files that can't be read get a sentence saying why, and nothing is written", async ({ signedIn: { person: pat, page: p, team } }) => {
  const slug = await team.createTeam(`Bad ${pat.name.split(" ")[1]}`);
  await upload(p, slug, { name: "photo.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]) });
  await expect(failure(p)).toContainText("The file is not text: choose a CSV file or an Excel workbook (.xlsx).");
  await upload(p, slug, { name: "old.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
  await expect(failure(p)).toContainText("Excel 97–2003 workbooks (.xls) can't be read.");
  await upload(p, slug, { name: "broken.xlsx", mimeType: "application/zip", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]) });
  await expect(failure(p)).toContainText("could not be read as an Excel workbook (.xlsx)");
  // A line with an unclosed quote is named in the preview; the other rows still preview.
  await upload(p, slug, { name: "quote.csv", mimeType: "text/csv", buffer: Buffer.from(`email,date,brand,people,insights,relationships\n${pat.email},${daysAgo(1)},1,1,1,1\n${pat.email},"${daysAgo(2)},1,1,1,1\n`) });
  await expect(row(p, 2)).toHaveAttribute("data-status", "insert");
  await expect(row(p, 3)).toContainText('A quoted field is not closed: expected a closing " before the end of the line.');
  await p.goto(`/t/${slug}/scores`);
  await expect(p.getByText("No scores yet")).toBeVisible();
});

async function shoot(page: Page, name: string, what: Locator) {
  fs.mkdirSync(SHOTS!, { recursive: true });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await what.screenshot({ path: path.join(SHOTS!, `${name}-${width}-${scheme}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });
}
