import { describe, expect, it } from "vitest";
import { SLUG_MAX, slugify } from "./slug";

describe("slugify", () => {
  it("lowercases and joins words with dashes", () => {
    expect(slugify("Sales EMEA North")).toBe("sales-emea-north");
    expect(slugify("  R&D / Inside Sales!  ")).toBe("r-d-inside-sales");
  });

  it("strips diacritics and spells out letters that do not decompose", () => {
    expect(slugify("Équipe Zürich Ventes")).toBe("equipe-zurich-ventes");
    expect(slugify("Straße Øresund Łódź")).toBe("strasse-oresund-lodz");
  });

  it("keeps at most 48 characters without a trailing dash", () => {
    const slug = slugify("Enterprise Account Executives Germany Austria Switzerland");
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slug).toBe("enterprise-account-executives-germany-austria-sw");
    const cutAtDash = slugify(`${"a".repeat(47)} b`);
    expect(cutAtDash).toBe("a".repeat(47));
  });

  it("falls back to 'team' when nothing usable is left", () => {
    expect(slugify("")).toBe("team");
    expect(slugify("🚀🚀")).toBe("team");
    expect(slugify("東京チーム")).toBe("team");
    expect(slugify("---")).toBe("team");
  });
});
