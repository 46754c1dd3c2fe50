// The text of linkedin.com/sales/ssi after select-all + copy, one per interface language we have a sample of,
// with the values each must read to. Shared by the parser's unit tests and the bookmarklet's Playwright spec.
//
// English: a Chrome copy of the page (one text node per line).
// Portuguese: laid out like the English copy, with the labels, values and wording of the public sample in
// github.com/professorsoares/linkedin-ssi-data (ssi/data/Campos_SSI.md, 2026-04-27: 53 de 100, 20,973 / 6,38 /
// 10,25 / 15, Primeiros 10% / 12%, SSI médio 35 / 36), including the per-component breakdown of the industry
// and network cards that page shows, which repeats the component labels with other people's values.
// "Structure only": German-looking wording we have no real copy of, so no labels are known: only the
// layout can read it.
import type { PasteValues } from "@/lib/ssi-paste";

export type SsiPageSample = { name: string; language: string | null; text: string; values: PasteValues };

export const ENGLISH_PAGE: SsiPageSample = {
  name: "English",
  language: "English",
  values: { total: 71, brand: 18.52, people: 16.3, insights: 14.75, relationships: 21.4, industryRank: 3, networkRank: 1, industryAvg: 28, networkAvg: 25 },
  text: `Skip to main content
Sales Navigator
Home
Accounts
Leads
Messaging
3
Admin
Your Social Selling Index
Industry SSI rank
Top
3
%
Network SSI rank
Top
1
%
Current Social Selling Index
71
out of 100
Four components of your score
18.52
Establish your professional brand
16.3
Find the right people
14.75
Engage with insights
21.4
Build relationships
People in your industry
28
out of 100
Sales professionals in the Software Development industry have an average SSI of 28.
You rank in the top 3%
No change since last week
People in your network
25
out of 100
People in your network have an average SSI of 25.
You rank in the top 1%
1% up since last week
Find the right decision makers and shorten your sales cycle with LinkedIn Sales Navigator.
Try it free
About
Accessibility
Help Center
Privacy & Terms
LinkedIn Corporation © 2024`,
};

export const PORTUGUESE_PAGE: SsiPageSample = {
  name: "Portuguese",
  language: "Portuguese",
  values: { total: 53, brand: 20.973, people: 6.38, insights: 10.25, relationships: 15, industryRank: 10, networkRank: 12, industryAvg: 35, networkAvg: 36 },
  text: `Pular para conteúdo principal
Sales Navigator
Início
Contas
Leads
Mensagens
23
Seu Social Selling Index
27/04/2026 às 13:06
Classificação SSI do setor
Primeiros
10
%
Classificação SSI da rede
Primeiros
12
%
Social Selling Index atual
53
de 100
Os quatro componentes da sua pontuação
20,973
Estabelecer sua marca profissional
6,38
Localizar as pessoas certas
10,25
Interagir oferecendo insights
15
Criar relacionamentos
Pessoas no seu setor
35
de 100
Profissionais de vendas do setor Atividades de consultoria em gestão empresarial têm um SSI médio de 35.
Você está entre os primeiros 10%
Sem alterações na última semana
11,79
Estabelecer sua marca profissional
5,42
Localizar as pessoas certas
2,17
Interagir oferecendo insights
15,16
Criar relacionamentos
Pessoas na sua rede
36
de 100
As pessoas na sua rede têm um SSI médio de 36.
Você está entre os primeiros 12%
Sem alterações na última semana
13,22
Estabelecer sua marca profissional
4,39
Localizar as pessoas certas
2,44
Interagir oferecendo insights
16,31
Criar relacionamentos
Encontre os decisores certos e encurte seu ciclo de vendas com o LinkedIn Sales Navigator.
Sobre
Acessibilidade
LinkedIn Corporation © 2026`,
};

export const STRUCTURE_ONLY_PAGE: SsiPageSample = {
  name: "structure only (unknown labels)",
  language: null,
  values: { total: 64, brand: 19.4, people: 12.06, insights: 13.5, relationships: 18.8, industryRank: 7, networkRank: 15, industryAvg: 31, networkAvg: 27 },
  text: `Zum Hauptinhalt springen
Sales Navigator
Startseite
Nachrichten
5
Ihr Social Selling Index
SSI-Rang in der Branche
Top
7
%
SSI-Rang im Netzwerk
Top
15
%
Aktueller Social Selling Index
64
von 100
Die vier Komponenten Ihres Scores
19,4
Professionelle Marke etablieren
12,06
Die richtigen Personen finden
13,5
Mit Insights interagieren
18,8
Beziehungen aufbauen
Personen in Ihrer Branche
31
von 100
Vertriebsprofis der Branche haben einen durchschnittlichen SSI von 31.
Sie gehören zu den Top 7 %
Keine Änderung seit letzter Woche
Personen in Ihrem Netzwerk
27
von 100
Personen in Ihrem Netzwerk haben einen durchschnittlichen SSI von 27.
Sie gehören zu den Top 15 %
LinkedIn Corporation © 2026`,
};

export const SSI_PAGE_SAMPLES = [ENGLISH_PAGE, PORTUGUESE_PAGE, STRUCTURE_ONLY_PAGE];
