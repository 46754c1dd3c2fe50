import { describe, expect, it } from "vitest";
import { bookmarkletHref, textFromHash } from "./bookmarklet";
import { PORTUGUESE_PAGE } from "./testing/ssi-pages";

/** Runs the bookmarklet as a browser would, against a fake page and window. */
function run(href: string, pageText: string, popupBlocked = false) {
  const opened: string[] = [];
  const location = { href: "https://www.linkedin.com/sales/ssi" };
  const window = { open: (url: string) => (opened.push(url), popupBlocked ? null : { opener: {} }) };
  const code = decodeURIComponent(href.replace(/^javascript:/, ""));
  new Function("document", "window", "location", code)({ body: { innerText: pageText } }, window, location);
  return { opened, location };
}

describe("bookmarklet", () => {
  it("opens the team's submit page with the page's text in the fragment, which reads back unchanged", () => {
    const href = bookmarkletHref("https://ssi.example.com/t/sales-emea/submit");
    expect(href.startsWith("javascript:")).toBe(true);
    expect(href).not.toMatch(/token|ssi_/i);
    const { opened } = run(href, PORTUGUESE_PAGE.text);
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe("https://ssi.example.com/t/sales-emea/submit");
    expect(url.search).toBe("");
    expect(textFromHash(url.hash)).toBe(PORTUGUESE_PAGE.text);
  });

  it("goes there in the same tab when the browser blocks the new one", () => {
    const { location } = run(bookmarkletHref("https://ssi.example.com/t/a/submit"), "18.52 Establish your professional brand", true);
    expect(textFromHash(new URL(location.href).hash)).toBe("18.52 Establish your professional brand");
  });

  it("ignores fragments it did not write", () => {
    expect(textFromHash("")).toBeNull();
    expect(textFromHash("#main")).toBeNull();
    expect(textFromHash("#ssi=%E0%A4%A")).toBeNull();
  });
});
