import { expect, type Page } from "@playwright/test";

/** Page object for the manager dashboard, its data tables and the CSV import. */
export class DashboardPages {
  constructor(readonly page: Page) {}

  async open(slug: string, weeks?: number) {
    await this.page.goto(`/t/${slug}/dashboard${weeks ? `?weeks=${weeks}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  }

  tile(id: "average" | "median" | "submitted" | "missing") {
    return this.page.getByTestId(`tile-${id}`);
  }

  /** Opens a chart's data table and returns its body rows. */
  async dataRows(chart: "team-trend" | "pillar-trend" | "distribution") {
    const figure = this.page.getByTestId(`chart-${chart}`);
    await figure.getByText("Show data table").click();
    return figure.locator("tbody tr");
  }

  /** The cells (row header first) of one data-table row, as text. */
  async cells(row: ReturnType<Page["locator"]>) {
    return row.locator("th, td").allInnerTexts();
  }

  async previewImport(slug: string, name: string, csv: string) {
    await this.page.goto(`/t/${slug}/import`);
    await this.page.getByLabel("Spreadsheet file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await this.page.getByRole("button", { name: "Preview" }).click();
    await expect(this.page.getByRole("heading", { name: `Preview of ${name}` })).toBeVisible();
  }

  importRow(line: number) {
    return this.page.locator(`[data-testid="import-row"][data-line="${line}"]`);
  }
}
