// Pure generators behind `npm run seed:large`: team sizes, people's habits and their daily SSI rows.
// Deterministic for a given size (seeded PRNG), no database access here.

/** Slugs the load benchmark relies on, with their exact member counts (owner@org.test included). */
export const BENCH_TEAMS = [
  { slug: "bench-1000", name: "Bench 1000", members: 1000 },
  { slug: "bench-50", name: "Bench 50", members: 50 },
] as const;

export type TeamPlan = { slug: string; name: string; timeZone: string; people: number; withOwner: boolean };

const ZONES = ["Europe/Berlin", "America/New_York", "Europe/London", "America/Los_Angeles", "Asia/Singapore", "UTC", "America/Chicago", "Europe/Paris"];
const REGIONS = ["EMEA", "DACH", "Nordics", "UK", "France", "Benelux", "Iberia", "Italy", "East", "West", "Central", "APAC", "ANZ", "LATAM"];
const SEGMENTS = ["Enterprise", "Mid-Market", "SMB", "Inside Sales", "Partners", "Strategic", "Public Sector", "New Logos"];

/** Mulberry32: small, fast, good enough for plausible data, and the same sequence every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Splits `people` person accounts over `teams` teams. bench-1000 (999 people + owner@org.test) and bench-50
 * (49 + owner) come first whenever enough people remain for at least one person in every other team;
 * when too few, bench-1000 is left out first, then bench-50. The other teams get varied sizes (a few large ones of
 * several hundred to 1,000, most 10–250), scaled so that every person is in exactly one team.
 */
export function planTeams(people: number, teams: number): TeamPlan[] {
  if (!Number.isInteger(teams) || teams < 1) throw new Error("--teams must be a whole number of at least 1");
  if (!Number.isInteger(people) || people < teams) throw new Error(`--people must be at least --teams (${teams})`);
  const rand = prng(7);
  // bench-50 first (it fits far more often), then bench-1000 if every other team still gets someone.
  const has50 = people - 49 >= teams - 1;
  const has1000 = has50 && teams >= 2 && people - 49 - 999 >= teams - 2;
  const plans: TeamPlan[] = BENCH_TEAMS.filter((b) => (b.members === 50 ? has50 : has1000)).map((b) => ({
    slug: b.slug, name: b.name, timeZone: "Europe/Berlin", people: b.members - 1, withOwner: true,
  }));
  const left = people - plans.reduce((s, p) => s + p.people, 0);
  const others = teams - plans.length;
  const large = [1000, 1000, 800, 700, 600, 500, 400];
  const weights = Array.from({ length: others }, (_, i) => large[i] ?? 10 + Math.floor(rand() * 240));
  const sizes = apportion(left, weights);
  sizes.forEach((size, i) => {
    const name = `${REGIONS[i % REGIONS.length]} ${SEGMENTS[Math.floor(i / REGIONS.length + i) % SEGMENTS.length]}`;
    plans.push({ slug: `team-${String(i + 1).padStart(2, "0")}`, name: `${name} ${i + 1}`, timeZone: ZONES[i % ZONES.length]!, people: size, withOwner: false });
  });
  return plans;
}

/** Integer sizes proportional to weights, each at least 1, summing exactly to total (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  if (weights.length === 0) return [];
  const spare = total - weights.length; // everyone gets 1, the rest is shared by weight
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const sizes = exact.map((x) => 1 + Math.floor(x));
  let missing = total - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; missing > 0; k = (k + 1) % order.length, missing--) sizes[order[k]![1]]! += 1;
  return sizes;
}

const FIRST = ["Ava", "Ben", "Chloe", "Dev", "Elena", "Finn", "Grace", "Hugo", "Isla", "Jonas", "Kira", "Leo", "Maya", "Nico", "Olivia", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Xena", "Yusuf", "Zoe", "Aaron", "Bea", "Carlos", "Dana", "Emil", "Fatima", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Marco", "Nadia"];
const LAST = ["Schmidt", "Okafor", "Larsen", "Novak", "Garcia", "Kowalski", "Tanaka", "Dubois", "Rossi", "Nguyen", "Müller", "Silva", "Kim", "Jensen", "Moreau", "Costa", "Haddad", "Berg", "Patel", "Walsh", "Ivanova", "Santos", "Fischer"];

/** A deterministic display name for person number n (1-based). */
export const personName = (n: number) => `${FIRST[(n * 7) % FIRST.length]} ${LAST[(n * 13) % LAST.length]} ${n}`;

/**
 * One person's habits. Scores follow a personal level plus a slow trend plus autocorrelated noise, so
 * charts look like real SSI histories. Days are indices from the first seeded date (0) to the last (days-1).
 */
export type PersonPlan = {
  userId: string;
  /** First and last day (inclusive) the person submits on; start > end means never. */
  start: number;
  end: number;
  /** Chance of a submission on an active day. */
  p: number;
  base: Float64Array;
  trend: Float64Array;
  noise: Float64Array;
  /** A stale person's last day always has a score (so "last seen" is exactly `end`). */
  lastForced: boolean;
  /** Whether the person takes holidays (weeks without a score). */
  holidays: boolean;
  /** Holiday: no submission until this day index. */
  gapUntil: number;
  industryAvg: number;
  networkAvg: number;
};

export type PersonKind = "regular" | "always";

export function planPerson(userId: string, days: number, rand: () => number, kind: PersonKind = "regular"): PersonPlan {
  const r = rand();
  let start = 0;
  let end = days - 1;
  let p = kind === "always" ? 0.95 : 0.95 + rand() * 0.05; // most people: almost daily
  if (kind === "regular") {
    if (r < 0.02) start = days; // never submitted
    else if (r < 0.05) end = days - 1 - (15 + Math.floor(rand() * Math.min(200, days))); // stopped: stale
    else if (r < 0.09) start = Math.floor(rand() * days * 0.9); // joined later
    const cadence = rand();
    if (cadence < 0.03) p = 0.15 + rand() * 0.2; // about weekly
    else if (cadence < 0.06) p = 0.4 + rand() * 0.3; // every few days
  }
  const base = new Float64Array(4);
  const trend = new Float64Array(4);
  for (let k = 0; k < 4; k++) {
    base[k] = 4 + rand() * 15;
    trend[k] = ((rand() - 0.4) * 6) / Math.max(days, 30); // −2.4 … +3.6 points over the whole period
  }
  return {
    userId, start, end, p, base, trend, noise: new Float64Array(4), gapUntil: -1, holidays: kind === "regular", lastForced: end < days - 1,
    industryAvg: Math.round((22 + rand() * 12) * 100), networkAvg: Math.round((25 + rand() * 15) * 100),
  };
}

/** ≈ N(0, 1) from four uniforms (Irwin–Hall): cheap and bounded. */
const gauss = (rand: () => number) => (rand() + rand() + rand() + rand() - 2) * 1.732;
const cents = (c: number) => (c / 100).toFixed(2);
const clampCents = (v: number, hi: number) => Math.max(0, Math.min(hi, Math.round(v * 100)));

/**
 * The COPY text (tab-separated, one line per snapshot) of every person's submission on day `d`, dated
 * `date`. Mutates each plan's noise and holiday state, so call it for d = 0, 1, 2, … in order.
 * `recalDay`: a LinkedIn-wide recalibration from that day on lowers "find the right people" by 1.5.
 */
export function dayRows(plans: PersonPlan[], d: number, date: string, rand: () => number, recalDay: number): { text: string; rows: number } {
  const out: string[] = [];
  const c = [0, 0, 0, 0];
  for (const pl of plans) {
    for (let k = 0; k < 4; k++) pl.noise[k] = 0.96 * pl.noise[k]! + 0.22 * gauss(rand);
    if (d < pl.start || d > pl.end) continue;
    if (d < pl.gapUntil) continue;
    if (pl.holidays && rand() < 0.0008) {
      pl.gapUntil = d + 3 + Math.floor(rand() * 33); // a holiday of 3–35 days
      continue;
    }
    if (!(pl.lastForced && d === pl.end) && rand() > pl.p) continue;
    let total = 0;
    for (let k = 0; k < 4; k++) {
      const shift = k === 1 && d >= recalDay ? -1.5 : 0;
      c[k] = clampCents(pl.base[k]! + pl.trend[k]! * d + shift + pl.noise[k]!, 2500);
      total += c[k]!;
    }
    const industryRank = Math.max(100, Math.min(10_000, Math.round(10_000 - total * 1.05 + gauss(rand) * 150)));
    const networkRank = Math.max(100, Math.min(10_000, Math.round(9_500 - total + gauss(rand) * 200)));
    out.push(
      `${pl.userId}\t${date}\t${cents(c[0]!)}\t${cents(c[1]!)}\t${cents(c[2]!)}\t${cents(c[3]!)}\t${cents(total)}\t${cents(industryRank)}\t${cents(networkRank)}\t${cents(pl.industryAvg)}\t${cents(pl.networkAvg)}\tseed\n`,
    );
  }
  return { text: out.join(""), rows: out.length };
}

export const SNAPSHOT_COPY_COLUMNS =
  "user_id, measured_on, brand, people, insights, relationships, total, industry_rank, network_rank, industry_avg, network_avg, source";
