// The bookmarklet, run on a stand-in for LinkedIn's SSI page in each language sample.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { expectFilled } from "./pages/paste";
import { SSI_PAGE_SAMPLES, PORTUGUESE_PAGE, type SsiPageSample } from "../lib/testing/ssi-pages";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A local page standing in for linkedin.com/sales/ssi: each sample line in its own block, as LinkedIn renders them. */
async function fakeLinkedIn(samples: SsiPageSample[]) {
  const server = http.createServer((req, res) => {
    const sample = samples.find((s) => req.url === `/${encodeURIComponent(s.name)}`);
    if (!sample) return void res.writeHead(404).end();
    const body = sample.text.split("\n").map((line) => `<div>${escapeHtml(line)}</div>`).join("");
    // Like LinkedIn's own page, it allows no script of ours: the bookmarklet runs as the browser's, not the page's.
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'none'" });
    res.end(`<!doctype html><html><head><title>Sales Navigator</title></head><body>${body}<div hidden>Estabelecer sua marca profissional 99</div></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: (s: SsiPageSample) => `http://localhost:${port}/${encodeURIComponent(s.name)}`, close: () => server.close() };
}

test("the bookmarklet, run on the SSI page in each language, opens the team's submit page filled in", async ({ signedIn: rep }) => {
  test.setTimeout(120_000);
  const slug = await rep.team.createTeam(`Bookmarklet ${Date.now()}`, "UTC");
  await rep.page.goto(`/t/${slug}/submit`);
  await rep.page.getByText("One click from LinkedIn: the bookmarklet").click();
  const link = rep.page.getByTestId("bookmarklet");
  await expect(link).toHaveAttribute("href", /^javascript:/);
  const href = (await link.getAttribute("href"))!;
  // Clicking it in the app itself does nothing but say where it belongs.
  await link.click();
  await expect(rep.page.getByText("Drag the button to your bookmarks bar")).toBeVisible();

  const linkedIn = await fakeLinkedIn(SSI_PAGE_SAMPLES);
  try {
    for (const sample of SSI_PAGE_SAMPLES) {
      const ssiPage = await rep.context.newPage();
      await ssiPage.goto(linkedIn.url(sample));
      const opened = rep.context.waitForEvent("page");
      // What the browser does when the bookmark is clicked: run its code on the open page.
      await ssiPage.evaluate(decodeURIComponent(href.slice("javascript:".length)));
      const submit = await opened;
      await submit.waitForLoadState();
      await expect(submit).toHaveURL(new RegExp(`/t/${slug}/submit$`)); // the text left the address once read
      await expectFilled(submit, sample);
      if (sample.values.total !== undefined) await expect(submit.getByLabel("Total SSI")).toHaveValue(String(sample.values.total));
      await ssiPage.close();
      if (sample === PORTUGUESE_PAGE) {
        await submit.getByRole("button", { name: "Save my SSI" }).click();
        await expect(submit.getByText(/^Saved: SSI 53 for/)).toBeVisible();
      }
      await submit.close();
    }
  } finally {
    linkedIn.close();
  }
});
