// npm run seed:large -- [--people 10000] [--teams 40] [--years 3 | --days N] [--reset] [--force]
// An organisation at scale for benchmarks and query plans: people in teams of varied sizes (bench-1000 and
// bench-50 with exact member counts), years of mostly daily SSI snapshots with trends, holidays, stale and
// never-submitting people. PostgreSQL: streamed with COPY (timings in docs/PERFORMANCE.md). PGlite: smaller default.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Db } from "./client";
import { memberships, teams, users, type Role } from "./schema";
import { dayRows, personName, planPerson, planTeams, prng, SNAPSHOT_COPY_COLUMNS, type PersonPlan } from "./seed-large-data";
import { addDays, todayInZone } from "../lib/dates";
import { hashPassword } from "../lib/password";

export const BENCH_PASSWORD = "bench-password";
export const OWNER_EMAIL = "owner@org.test";
export const personEmail = (n: number) => `person-${n}@org.test`;

export type SeedLargeOptions = {
  db: Db;
  people: number;
  teams: number;
  days: number;
  /** Empty every app table first; without it the seed refuses a database that already has users. */
  reset?: boolean;
  /** Called every few days of generated data and once at the end of the COPY. */
  onProgress?: (p: { rows: number; fraction: number; elapsedMs: number }) => void;
  now?: Date;
};

export type SeedLargeResult = {
  people: number;
  teams: { slug: string; members: number; firstPerson: number; lastPerson: number; withOwner: boolean }[];
  rows: number;
  firstDate: string;
  lastDate: string;
  elapsedMs: number;
};

type PgClient = import("postgres").Sql;
type PgliteClient = import("@electric-sql/pglite").PGlite;

/** Seeds the organisation into `db` (PostgreSQL via COPY, PGlite via COPY from a blob) and analyzes it. */
export async function seedLarge(opts: SeedLargeOptions): Promise<SeedLargeResult> {
  const t0 = performance.now();
  const { db } = opts;
  const plans = planTeams(opts.people, opts.teams);
  const [{ n: existing } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  if (existing > 0 && !opts.reset) {
    throw new Error(`The database already has ${existing} users. Run with --reset to delete ALL app data first and seed again.`);
  }
  if (opts.reset) {
    const tables = await queryRows<{ tablename: string }>(db, sql`select tablename from pg_tables where schemaname = 'public'`);
    if (tables.length) await db.execute(sql.raw(`truncate ${tables.map((t) => `"${t.tablename}"`).join(", ")} restart identity cascade`));
  }

  // Snapshots must not be in the future in any team's zone: end at the earliest "today" among them.
  const now = opts.now ?? new Date();
  const lastDate = plans.map((p) => todayInZone(p.timeZone, now)).sort()[0]!;
  const firstDate = addDays(lastDate, -(opts.days - 1));
  const passwordHash = await hashPassword(BENCH_PASSWORD); // once: bcrypt is slow on purpose

  const ownerId = crypto.randomUUID();
  const personIds = Array.from({ length: opts.people }, () => crypto.randomUUID());
  const teamIds = plans.map(() => crypto.randomUUID());
  const summaryTeams: SeedLargeResult["teams"] = [];
  const memberRows: (typeof memberships.$inferInsert)[] = [];
  let next = 0;
  plans.forEach((plan, i) => {
    const ids = personIds.slice(next, next + plan.people);
    summaryTeams.push({ slug: plan.slug, members: plan.people + (plan.withOwner ? 1 : 0), firstPerson: next + 1, lastPerson: next + plan.people, withOwner: plan.withOwner });
    next += plan.people;
    if (plan.withOwner) memberRows.push({ teamId: teamIds[i]!, userId: ownerId, role: "owner" });
    ids.forEach((userId, k) => {
      const role: Role = plan.withOwner ? (k === 0 ? "manager" : "member") : k === 0 ? "owner" : k === 1 ? "manager" : "member";
      memberRows.push({ teamId: teamIds[i]!, userId, role });
    });
  });

  await db.transaction(async (tx) => {
    const userRows = [
      { id: ownerId, name: "Org Owner", email: OWNER_EMAIL, passwordHash },
      ...personIds.map((id, i) => ({ id, name: personName(i + 1), email: personEmail(i + 1), passwordHash })),
    ];
    for (let i = 0; i < userRows.length; i += 2000) await tx.insert(users).values(userRows.slice(i, i + 2000));
    await tx.insert(teams).values(plans.map((p, i) => ({ id: teamIds[i]!, name: p.name, slug: p.slug, timeZone: p.timeZone })));
    for (let i = 0; i < memberRows.length; i += 5000) await tx.insert(memberships).values(memberRows.slice(i, i + 5000));
  });

  const rand = prng(20_240_601);
  const people: PersonPlan[] = [planPerson(ownerId, opts.days, rand, "always"), ...personIds.map((id) => planPerson(id, opts.days, rand))];
  const recalDay = Math.floor(opts.days * 0.6);
  let rows = 0;
  const report = (d: number) => opts.onProgress?.({ rows, fraction: d / opts.days, elapsedMs: performance.now() - t0 });
  // One chunk per day, in date order: the table then grows as it would in production (recent rows together).
  async function* chunks(from: number, to: number) {
    for (let d = from; d < to; d++) {
      const day = dayRows(people, d, addDays(firstDate, d), rand, recalDay);
      rows += day.rows;
      if (day.text) yield day.text;
      if (d % 5 === 0) report(d + 1);
    }
  }

  const client = (db as unknown as { $client: PgClient | PgliteClient }).$client;
  if ("unsafe" in client) await copyPostgres(client, chunks(0, opts.days));
  else await copyPglite(client, chunks, opts.days);
  report(opts.days);

  // Vacuum as autovacuum would soon after such a load: sets the visibility map (index-only scans) and statistics.
  await db.execute(sql`vacuum (analyze) snapshots`);
  await db.execute(sql`analyze`);
  return { people: opts.people, teams: summaryTeams, rows, firstDate, lastDate, elapsedMs: performance.now() - t0 };
}

type Chunks = (from: number, to: number) => AsyncGenerator<string>;

async function copyPostgres(client: PgClient, stream: AsyncGenerator<string>) {
  const conn = await client.reserve();
  try {
    // Every user id in the stream was inserted just above, so the per-row foreign key check (an RI trigger
    // that alone costs more than the COPY) is skipped for this session when we may; the schema is untouched.
    await conn`set session_replication_role = replica`.catch(() => {});
    const writable = await conn.unsafe(`copy snapshots (${SNAPSHOT_COPY_COLUMNS}) from stdin`).writable();
    await pipeline(Readable.from(stream), writable);
  } finally {
    await conn`reset session_replication_role`.catch(() => {});
    conn.release();
  }
}

async function copyPglite(client: PgliteClient, chunks: Chunks, days: number) {
  for (let from = 0; from < days; from += 30) {
    const parts: string[] = [];
    for await (const text of chunks(from, Math.min(days, from + 30))) parts.push(text);
    if (parts.length) await client.query(`copy snapshots (${SNAPSHOT_COPY_COLUMNS}) from '/dev/blob'`, [], { blob: new Blob(parts) });
  }
}

/** One updating line on a terminal, a line every 10 s otherwise. */
function progressPrinter() {
  const tty = process.stdout.isTTY;
  let lastLine = 0;
  return (p: { rows: number; fraction: number; elapsedMs: number }) => {
    const s = p.elapsedMs / 1000;
    const eta = p.fraction > 0 ? s / p.fraction - s : 0;
    const line = `snapshots: ${p.rows.toLocaleString("en")} rows, ${Math.round(p.rows / Math.max(s, 0.001)).toLocaleString("en")} rows/s, ${(p.fraction * 100).toFixed(1)}%, ETA ${formatSeconds(eta)}`;
    if (tty) process.stdout.write(`\r\x1b[2K${line}`);
    else if (p.elapsedMs - lastLine >= 10_000 || p.fraction >= 1) {
      lastLine = p.elapsedMs;
      console.log(line);
    }
  };
}

const formatSeconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${s.toFixed(1)} s`);

async function main() {
  const { values } = parseArgs({
    options: {
      people: { type: "string" },
      teams: { type: "string", default: "40" },
      years: { type: "string" },
      days: { type: "string" },
      reset: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
    },
  });
  const { env } = await import("../lib/env");
  const e = env();
  if (e.NODE_ENV === "production" && !values.force) throw new Error("Refusing to seed benchmark data with NODE_ENV=production (pass --force if you mean it).");
  const onPg = !!e.DATABASE_URL;
  const people = Number(values.people ?? (onPg ? 10_000 : 500));
  const days = values.days ? Number(values.days) : Math.round(Number(values.years ?? (onPg ? 3 : 1)) * 365);
  const teamCount = Number(values.teams);
  for (const [flag, v] of [["--people", people], ["--days/--years", days], ["--teams", teamCount]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${flag} must be a positive whole number`);
  }
  if (!onPg && (!values.people || !(values.years || values.days))) {
    console.log(`No DATABASE_URL: seeding the embedded PGlite at ${e.PGLITE_DIR} with a smaller default (${people} people, ${days} days).`);
    console.log("Set DATABASE_URL for the full-size organisation (10,000 people, 3 years, ≈ 10 M snapshots). Stop the app first.");
  }
  const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR });
  try {
    await handle.ready;
    console.log(`Seeding ${people.toLocaleString("en")} people in ${teamCount} teams, ${days} days of snapshots on ${handle.kind}…`);
    const r = await seedLarge({ db: handle.db, people, teams: teamCount, days, reset: values.reset, onProgress: progressPrinter() });
    if (process.stdout.isTTY) process.stdout.write("\n");
    const bench = r.teams.filter((t) => t.withOwner).map((t) => `${t.slug} (${t.members} members: ${OWNER_EMAIL} + person-${t.firstPerson}…${t.lastPerson})`);
    const missing = ["bench-1000", "bench-50"].filter((s) => !r.teams.some((t) => t.slug === s));
    console.log(`Done in ${formatSeconds(r.elapsedMs / 1000)}: ${r.people.toLocaleString("en")} people + ${OWNER_EMAIL}, ${r.teams.length} teams, ${r.rows.toLocaleString("en")} snapshots from ${r.firstDate} to ${r.lastDate}.`);
    if (bench.length) console.log(`Benchmark teams: ${bench.join("; ")}.`);
    if (missing.length) console.log(`Too few people for ${missing.join(" and ")} (bench-1000 needs 999 + 49 + one per other team; bench-50 needs 49 + one per other team).`);
    console.log(`Sign in as ${OWNER_EMAIL} (owner of the bench teams) or person-<n>@org.test, password: ${BENCH_PASSWORD}`);
  } finally {
    await handle.close();
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!);
if (isMain) {
  main().catch((err) => {
    console.error(`\n${(err as Error).message}`);
    process.exit(1);
  });
}
