import { expect, type Page } from "@playwright/test";
import type { SsiPageSample } from "../../lib/testing/ssi-pages";

const display = (v: number | undefined) => (v === undefined ? "" : String(v));

/** The submit form shows the sample's values and says how the page was read. */
export async function expectFilled(page: Page, sample: SsiPageSample) {
  await expect(page.getByLabel("Establish your professional brand")).toHaveValue(display(sample.values.brand));
  await expect(page.getByLabel("Find the right people")).toHaveValue(display(sample.values.people));
  await expect(page.getByLabel("Engage with insights")).toHaveValue(display(sample.values.insights));
  await expect(page.getByLabel("Build relationships")).toHaveValue(display(sample.values.relationships));
  await expect(page.getByTestId("paste-reading")).toHaveText(
    sample.language ? `Read using the labels of LinkedIn's page in ${sample.language}.` : /Read from the page's layout/,
  );
}

