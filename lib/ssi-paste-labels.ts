// The words of linkedin.com/sales/ssi in each interface language we have a real copy of. Each entry is a
// regular-expression fragment (case-insensitive, whitespace already collapsed). Add a language only from a real
// copy of the page: a guessed translation reads nothing and hides the structural fallback's warning.
//
// English: copies of the page in Chrome and Firefox (see ssi-paste.test.ts).
// Portuguese: the public sample in github.com/professorsoares/linkedin-ssi-data (ssi/data/Campos_SSI.md and the
// CSVs its scraper writes from the page: "Seu Social Selling Index", "Social Selling Index atual … 53 de 100",
// "Classificação SSI do setor … Primeiros 10%", "SSI médio de 35", "Pessoas no seu setor").
import type { Component } from "@/lib/ssi";

export type PasteLanguage = {
  /** Shown to the rep: "Read using LinkedIn's English labels". */
  name: string;
  components: Record<Component, string>;
  /** The label of the current total, followed by its number. */
  totalLabel: string;
  /** "out of" in "71 out of 100" and "18.52 out of 25". */
  outOf: string;
  ranks: { industryRank: string; networkRank: string };
  /** The word before a rank's number: "Top 3%". */
  top: string;
  headings: { industry: string; network: string };
  /** "… have an average SSI of" right before an average. */
  averageOf: string;
  /** The rank inside a comparison card: "You rank in the top 3%" (the number and % follow). */
  rankInCard: string;
  /** A word that, right before a number, means it is not a component ("average SSI of 28"). */
  notAfter: string;
};

export const PASTE_LANGUAGES: PasteLanguage[] = [
  {
    name: "English",
    components: {
      brand: String.raw`establish(?:ing)?\s+your\s+professional\s+brand`,
      people: String.raw`find(?:ing)?\s+the\s+right\s+people`,
      insights: String.raw`engag(?:e|ing)\s+with\s+insights`,
      relationships: String.raw`build(?:ing)?\s+relationships`,
    },
    totalLabel: String.raw`current\s+social\s+selling\s+index`,
    outOf: String.raw`out\s+of`,
    ranks: { industryRank: String.raw`industry\s+ssi\s+rank`, networkRank: String.raw`network\s+ssi\s+rank` },
    top: "top",
    headings: { industry: String.raw`people\s+in\s+your\s+industry`, network: String.raw`people\s+in\s+your\s+network` },
    averageOf: String.raw`ha(?:ve|s)\s+an\s+average\s+(?:ssi\s+)?(?:score\s+)?of`,
    rankInCard: String.raw`rank\s+in\s+the\s+top`,
    notAfter: "of",
  },
  {
    name: "Portuguese",
    components: {
      brand: String.raw`estabelecer\s+sua\s+marca\s+profissional`,
      people: String.raw`localizar\s+as\s+pessoas\s+certas`,
      insights: String.raw`interagir\s+oferecendo\s+insights`,
      relationships: String.raw`criar\s+relacionamentos`,
    },
    totalLabel: String.raw`social\s+selling\s+index\s+atual`,
    outOf: "de",
    ranks: {
      industryRank: String.raw`classifica[çc][ãa]o\s+(?:do\s+)?ssi\s+do\s+setor`,
      networkRank: String.raw`classifica[çc][ãa]o\s+(?:do\s+)?ssi\s+da\s+rede`,
    },
    top: "primeiros",
    headings: { industry: String.raw`pessoas\s+no\s+seu\s+setor`, network: String.raw`pessoas\s+na\s+sua\s+rede` },
    averageOf: String.raw`ssi\s+m[ée]dio\s+de`,
    rankInCard: "primeiros",
    notAfter: "de",
  },
];

/** How many of a language's labels a text carries: the language with most is the page's. */
export function labelHits(text: string, lang: PasteLanguage): { components: number; all: number } {
  const has = (p: string) => new RegExp(p, "i").test(text);
  const components = Object.values(lang.components).filter(has).length;
  const others = [lang.totalLabel, ...Object.values(lang.ranks), ...Object.values(lang.headings)].filter(has).length;
  return { components, all: components + others };
}
