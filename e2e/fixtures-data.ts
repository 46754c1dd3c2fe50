import os from "node:os";
import path from "node:path";
import { sha256Hex as sha256 } from "../lib/hash";
import type { Person } from "./factories";

/** Fixed fixture data seeded by e2e/fixtures-seed.ts before the e2e server starts. */
export const E2E_FIXTURES = {
  teamName: "Fixture Team",
  /** The instance's first account, hence its administrator: without SMTP it passes address-proof links on. */
  adminEmail: "fixture-owner@example.test",
  adminPassword: "fixture-admin-password",
  expiredToken: "e2e-expired-invitation-token",
  expiredTokenHash: sha256("e2e-expired-invitation-token"),
  revokedToken: "e2e-revoked-invitation-token",
  revokedTokenHash: sha256("e2e-revoked-invitation-token"),
  /**
   * A team larger than any a spec builds through the browser: its owner and `members` others, all with a fresh
   * score; the owner and `submitted` of them recorded it today, the rest eight days ago (fresh, but not this week).
   */
  largeTeam: {
    name: "Large Fixture Team",
    slug: "large-fixture-team",
    ownerEmail: "large-owner@example.test",
    password: "large-team-password",
    members: 30,
    submitted: 12,
  },
};

/**
 * The people seeded for e2e/fixtures.ts to hand out, one per request, each once per run: proved addresses, no
 * team, one password. Enough for a run with retries; fixtures.ts says so when they run out.
 */
export const E2E_POOL = { size: 240, password: "seeded-person-password" };

const FIRST_NAMES = ["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lou", "Mia", "Noor", "Oli", "Pat", "Raj", "Sue"];

/** The i-th seeded person: "Mia P12" (the second word is unique, as newPerson's is), pool-12@example.test. */
export function poolPerson(i: number): Person {
  return { name: `${FIRST_NAMES[i % FIRST_NAMES.length]} P${i}`, email: `pool-${i}@example.test`, password: E2E_POOL.password };
}

/** Where the pool's leases live while the suite's server on `port` runs (scripts/e2e-server.mjs clears it). */
export const poolDir = (port: number) => path.join(os.tmpdir(), `ssi-e2e-pool-${port}`);
