// The specs' test(): each gets its page objects, and seeded people signed in through the real sign-in form,
// instead of signing somebody up through the UI first. The people come from a pool seeded before the server
// starts (e2e/fixtures-seed.ts: proved addresses, known passwords, no team); each is handed out once per run, to
// one test, whichever worker asks (a lease is a directory created atomically in the pool's folder).
// Specs whose subject is the sign-up form itself (a first sign-up, an unproved address, a hostile name) still
// sign up through it, with AuthPages.
import fs from "node:fs";
import { test as base, expect, type Browser, type BrowserContextOptions } from "@playwright/test";
import { E2E_POOL, poolDir, poolPerson } from "./fixtures-data";
import type { Person } from "./factories";
import { browsing, type Browsing } from "./helpers";
import { AuthPages } from "./pages/auth";
import { ChallengePages } from "./pages/challenges";
import { DashboardPages } from "./pages/dashboard";
import { MailPages } from "./pages/mail";
import { MePages } from "./pages/me";
import { TeamPages } from "./pages/team";
import { E2E_PORTS } from "./ports";

/** The seeded people of this run; worker-scoped, so usable in beforeAll. */
export class PersonPool {
  private next = 0;
  constructor(private readonly dir: string) {}

  /** A seeded person no other test has had (nor will): proved address, no team, not signed in anywhere. */
  take(): Person {
    for (; this.next < E2E_POOL.size; this.next++) {
      try {
        fs.mkdirSync(`${this.dir}/${this.next}`);
        return poolPerson(this.next++);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "ENOENT") throw new Error(`no seeded people at ${this.dir}: the suite's server (scripts/e2e-server.mjs) makes them`);
        if (code !== "EEXIST") throw err;
      }
    }
    throw new Error(`all ${E2E_POOL.size} seeded people are taken: raise E2E_POOL.size in e2e/fixtures-data.ts`);
  }

  /** A browser context of `person`'s own, signed in through the sign-in form and landed on their teams. */
  async signIn(browser: Browser, person: Person, options: BrowserContextOptions = {}): Promise<Browsing> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await new AuthPages(page).signIn(person.email, person.password);
    await expect(page).toHaveURL(/\/teams$/);
    return browsing(page, person);
  }
}

/** The people of one test: each `signedIn()` is another seeded person in a browser of their own, closed afterwards. */
export class People {
  private readonly opened: Browsing[] = [];
  constructor(private readonly pool: PersonPool, private readonly browser: Browser) {}

  /** A seeded person's credentials, not signed in (for specs that drive the sign-in form themselves). */
  person(): Person {
    return this.pool.take();
  }

  /** Another seeded person, signed in in a context of their own (`options`: e.g. an X-Forwarded-For header). */
  async signedIn(options: BrowserContextOptions = {}): Promise<Browsing> {
    return this.signIn(this.pool.take(), options);
  }

  /** `person` (from person()) signed in in a context of their own, once more or for the first time. */
  async signIn(person: Person, options: BrowserContextOptions = {}): Promise<Browsing> {
    const b = await this.pool.signIn(this.browser, person, options);
    this.opened.push(b);
    return b;
  }

  /** A seeded person, signed in, who joins a team through its join link. */
  async joined(link: string, options: BrowserContextOptions = {}): Promise<Browsing> {
    const b = await this.signedIn(options);
    await b.team.join(link);
    return b;
  }

  async close() {
    await Promise.all(this.opened.map((b) => b.context.close()));
  }
}

type PageObjects = {
  auth: AuthPages;
  team: TeamPages;
  me: MePages;
  mail: MailPages;
  dash: DashboardPages;
  challenges: ChallengePages;
};

export const test = base.extend<PageObjects & { people: People; signedIn: Browsing }, { pool: PersonPool }>({
  pool: [async ({}, provide) => provide(new PersonPool(poolDir(E2E_PORTS.suite))), { scope: "worker" }],
  people: async ({ pool, browser }, provide) => {
    const people = new People(pool, browser);
    await provide(people);
    await people.close();
  },
  /** A seeded person signed in on the test's own `page` (its trace and screenshots are this person's). */
  signedIn: async ({ pool, page }, provide) => {
    const person = pool.take();
    await new AuthPages(page).signIn(person.email, person.password);
    await expect(page).toHaveURL(/\/teams$/);
    await provide(browsing(page, person));
  },
  auth: async ({ page }, provide) => provide(new AuthPages(page)),
  team: async ({ page }, provide) => provide(new TeamPages(page)),
  me: async ({ page }, provide) => provide(new MePages(page)),
  mail: async ({ page }, provide) => provide(new MailPages(page)),
  dash: async ({ page }, provide) => provide(new DashboardPages(page)),
  challenges: async ({ page }, provide) => provide(new ChallengePages(page)),
});

export { expect };
export type { Browsing };
