// npm run db:seed — an idempotent demo organisation: two teams, 25 people, six months of history with realistic
// variation, a stale member and a new one. Refused in production. Prints the demo sign-ins.
import { eq, inArray } from "drizzle-orm";
import { openDatabase } from "./client";
import { memberships, snapshots, teams, users } from "./schema";
import { env } from "../lib/env";
import { hashPassword } from "../lib/password";
import { addDays, todayInZone } from "../lib/dates";
import { round3 } from "../lib/ssi";

export const DEMO_PASSWORD = "demo-password";
const FIRST = ["Ava", "Ben", "Chloe", "Dev", "Elena", "Finn", "Grace", "Hugo", "Isla", "Jonas", "Kira", "Leo", "Maya", "Nico", "Olivia", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Xena", "Yusuf"];
const LAST = ["Schmidt", "Okafor", "Larsen", "Novak", "Garcia", "Kowalski", "Tanaka", "Dubois", "Rossi", "Nguyen"];

/** Deterministic pseudo-random numbers, so every seed produces the same demo. */
function prng(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

export async function seedDemo(db: Awaited<ReturnType<typeof openDatabase>>["db"]) {
  const [existing] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "demo-emea-sales"));
  if (existing) return { created: false };
  const rand = prng(42);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Demo addresses count as proved (nobody could receive mail at demo.test). On an instance without accounts yet,
  // the demo manager becomes its administrator, as the first account to sign up would.
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  const people = FIRST.map((first, i) => ({
    name: `${first} ${LAST[i % LAST.length]}`,
    email: i === 0 ? "manager@demo.test" : `${first.toLowerCase()}@demo.test`,
    passwordHash,
    emailVerified: new Date(),
    isAdmin: i === 0 && !anyUser,
  }));
  const today = todayInZone("Europe/Berlin");
  await db.transaction(async (tx) => {
    const created = await tx.insert(users).values(people).onConflictDoNothing().returning({ id: users.id, email: users.email });
    const ids = (await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, people.map((p) => p.email)))).map((r) => r.id);
    void created;
    const [emea, na] = await tx
      .insert(teams)
      .values([
        { name: "Demo EMEA Sales", slug: "demo-emea-sales", timeZone: "Europe/Berlin" },
        { name: "Demo North America", slug: "demo-north-america", timeZone: "America/New_York", weekStart: 7 },
      ])
      .returning({ id: teams.id });
    const rows: (typeof memberships.$inferInsert)[] = [];
    ids.forEach((id, i) => {
      const team = i < 15 ? emea! : na!;
      rows.push({ teamId: team.id, userId: id, role: i === 0 || i === 15 ? "owner" : i === 1 || i === 16 ? "manager" : "member" });
    });
    rows.push({ teamId: na!.id, userId: ids[0]!, role: "manager" }); // the demo manager sees both teams
    await tx.insert(memberships).values(rows);

    const snaps: (typeof snapshots.$inferInsert)[] = [];
    ids.forEach((userId, i) => {
      if (i === 24) return; // a new member who has not submitted yet
      const lastDay = i === 7 ? 30 : 0; // one stale member: last score a month ago
      const level = [14, 12, 10, 9].map((b) => b + rand() * 8);
      const trend = (rand() - 0.3) * 0.02;
      for (let d = 182; d >= lastDay; d -= 1 + Math.floor(rand() * 5)) {
        const c = level.map((v, k) => Math.min(25, Math.max(0, round3(v + trend * (182 - d) * (k + 1) + (rand() - 0.5) * 1.5))));
        const total = round3(c.reduce((a, b) => a + b, 0));
        snaps.push({
          userId, measuredOn: addDays(today, -d), brand: c[0]!, people: c[1]!, insights: c[2]!, relationships: c[3]!, total,
          industryRank: Math.max(1, Math.round(100 - total)), networkRank: Math.max(1, Math.round(90 - total)),
          industryAvg: 28, networkAvg: 31, source: "seed",
        });
      }
    });
    for (let i = 0; i < snaps.length; i += 500) await tx.insert(snapshots).values(snaps.slice(i, i + 500)).onConflictDoNothing();
  });
  return { created: true };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!);
if (isMain) {
  const e = env();
  if (e.NODE_ENV === "production" && e.DATABASE_URL && !process.argv.includes("--force")) {
    console.error("Refusing to seed demo data into a production PostgreSQL database.");
    process.exit(1);
  }
  try {
    const handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR });
    await handle.ready;
    const { created } = await seedDemo(handle.db);
    await handle.close();
    console.log(created ? "Demo data created." : "Demo data was already there.");
    console.log(`Sign in as manager@demo.test (manager of both demo teams) or e.g. ava@demo.test, password: ${DEMO_PASSWORD}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
