import { describe, expect, it } from "vitest";
import { describeReading, PASTE_NOTHING_FOUND, parseSsiPaste } from "./ssi-paste";
import { ENGLISH_PAGE, PORTUGUESE_PAGE, SSI_PAGE_SAMPLES, STRUCTURE_ONLY_PAGE } from "./testing/ssi-pages";

function ok(text: string) {
  const result = parseSsiPaste(text);
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result;
}

describe("parseSsiPaste in every language", () => {
  it.each(SSI_PAGE_SAMPLES)("reads the whole $name page and says how it read it", (sample) => {
    const r = ok(sample.text);
    expect(r.values).toEqual(sample.values);
    expect(r.warnings).toEqual([]);
    expect(r.reading).toEqual(sample.language ? { by: "labels", language: sample.language } : { by: "layout" });
  });

  it("reads the Portuguese page's own scores, not the industry and network breakdown below them", () => {
    const r = ok(PORTUGUESE_PAGE.text);
    expect(r.found).toEqual([
      "Total SSI: 53",
      "Establish your professional brand: 20.973",
      "Find the right people: 6.38",
      "Engage with insights: 10.25",
      "Build relationships: 15",
      "Industry SSI rank: Top 10%",
      "Network SSI rank: Top 12%",
      "Industry average SSI: 35",
      "Network average SSI: 36",
    ]);
    expect(describeReading(r.reading)).toBe("Read using the labels of LinkedIn's page in Portuguese.");
  });

  it.each(SSI_PAGE_SAMPLES)("reads the $name page when its line breaks were lost", (sample) => {
    expect(ok(sample.text.replace(/\n/g, " ")).values).toMatchObject({
      total: sample.values.total,
      brand: sample.values.brand,
      people: sample.values.people,
      insights: sample.values.insights,
      relationships: sample.values.relationships,
    });
  });

  it.each(SSI_PAGE_SAMPLES)("reads the $name page copied with tabs, blank lines and Windows line endings", (sample) => {
    const noisy = sample.text.split("\n").map((line, i) => (i % 3 ? `\t${line}\u00a0` : `${line}\n`)).join("\r\n");
    expect(ok(noisy).values).toEqual(sample.values);
  });

  it("reads the components of a partial copy in a language without known labels, by position", () => {
    const r = ok(`Die vier Komponenten Ihres Scores
19,4
Professionelle Marke etablieren
12,06
Die richtigen Personen finden
13,5
Mit Insights interagieren
18,8
Beziehungen aufbauen`);
    expect(r.values).toEqual({ brand: 19.4, people: 12.06, insights: 13.5, relationships: 18.8 });
    expect(r.reading).toEqual({ by: "layout" });
    expect(describeReading(r.reading)).toMatch(/layout.*Check each value/);
  });

  it("reads by layout a page with its scale written '/100', a date, a time and a Turkish-style '%7'", () => {
    const r = ok(`Sosyal Satış Endeksiniz 12.05.2026 09:41
Sektör SSI sıralaması İlk %7
Ağ SSI sıralaması İlk %15
Güncel Sosyal Satış Endeksi 64/100
19.4 Profesyonel markanızı oluşturun
12.06 Doğru kişileri bulun
13.5 Öngörülerle etkileşim kurun
18.8 İlişkiler kurun`);
    expect(r.values).toEqual({ total: 64, brand: 19.4, people: 12.06, insights: 13.5, relationships: 18.8, industryRank: 7, networkRank: 15 });
  });

  it("keeps a component of exactly 25 when the layout also writes 'out of 25'", () => {
    const r = ok("Indice 70\nsu 100\n25\nsu 25\nMarca\n20\nsu 25\nPersone\n12,5\nsu 25\nInsight\n12,5\nsu 25\nRelazioni");
    expect(r.values).toMatchObject({ total: 70, brand: 25, people: 20, insights: 12.5, relationships: 12.5 });
  });

  it("takes the page's language from its labels when a copy mixes in another language's words", () => {
    const r = ok(`${PORTUGUESE_PAGE.text}\nBuild relationships with LinkedIn Learning`);
    expect(r.reading).toEqual({ by: "labels", language: "Portuguese" });
    expect(r.values).toEqual(PORTUGUESE_PAGE.values);
  });

  it("does not invent scores from numbers that merely sit in a row", () => {
    for (const text of [
      "Nachrichten 5 Benachrichtigungen 12 Netzwerk 3 Jobs 8 Startseite 1", // whole numbers, no total
      "Aktueller Social Selling Index\n64\nvon 100", // a total alone
      "Top 7 %\nTop 15 %\n64 von 100\n19 20 21 22", // four numbers that don't add up to the total, no decimals
      STRUCTURE_ONLY_PAGE.text.replace("12,06", "1206"), // a component out of range breaks the layout
    ]) {
      expect(parseSsiPaste(text)).toEqual({ ok: false, message: PASTE_NOTHING_FOUND });
    }
  });

  it("says what it looked for when it reads nothing", () => {
    expect(PASTE_NOTHING_FOUND).toContain("English or Portuguese");
    expect(PASTE_NOTHING_FOUND).toContain("a total out of 100 followed by four scores from 0 to 25");
    expect(PASTE_NOTHING_FOUND).toContain("type your scores in the form");
  });

  it("still reads the English page by its labels", () => {
    expect(ok(ENGLISH_PAGE.text).reading).toEqual({ by: "labels", language: "English" });
  });
});
