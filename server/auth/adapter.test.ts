import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, users } from "@/db/schema";
import { createApiToken } from "@/db/queries/api-tokens";
import { getUserCredentials } from "@/db/queries/users";
import { makeUser } from "@/db/testing/factories";
import { setupTestDatabase } from "@/db/testing/test-db";
import { hashPassword, verifyPassword } from "@/lib/password";
import { lazyAdapter } from "./adapter";

const t = setupTestDatabase();
const adapter = lazyAdapter();

/** What Auth.js does with an emailed sign-in link: stores the token, then uses it when the link is opened. */
async function useSignInLink(email: string, expiresInMs = 60_000) {
  const token = `hashed-${Math.random()}`;
  await adapter.createVerificationToken!({ identifier: email, token, expires: new Date(Date.now() + expiresInMs) });
  return adapter.useVerificationToken!({ identifier: email, token });
}

describe(`emailed sign-in links and unproved accounts on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("a sign-in link to an unproved account takes it over: its password and API tokens stop working, its sessions end", async () => {
    const squatter = await makeUser({ email: "victim@example.test", proved: false, passwordHash: await hashPassword("squatters-password") });
    await createApiToken(squatter.id, "squatter's script");
    expect(await useSignInLink("victim@example.test")).toMatchObject({ identifier: "victim@example.test" });

    const after = (await getUserCredentials("victim@example.test"))!;
    expect(after.id).toBe(squatter.id);
    expect(await verifyPassword("squatters-password", after.passwordHash)).toBe(false);
    expect(after.passwordHash).toBeNull();
    // Every session signed in before carries the old version: lib/authz.ts treats it as signed out.
    expect(after.sessionVersion).toBe(squatter.sessionVersion + 1);
    expect(after.emailVerified).toBeInstanceOf(Date);
    const tokens = await t.db().select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.userId, squatter.id));
    expect(tokens.every((r) => r.revokedAt !== null)).toBe(true);
    // Auth.js then reads the account afresh, so the new session carries the new version.
    expect((await adapter.getUserByEmail!("victim@example.test")) as unknown).toMatchObject({ sessionVersion: after.sessionVersion });
  });

  it("a proved account keeps its password and sessions; an expired link takes nothing over", async () => {
    const ana = await makeUser({ email: "ana-proved@example.test", passwordHash: await hashPassword("anas-password") });
    await useSignInLink(ana.email);
    const kept = (await getUserCredentials(ana.email))!;
    expect(await verifyPassword("anas-password", kept.passwordHash)).toBe(true);
    expect(kept.sessionVersion).toBe(ana.sessionVersion);

    const bo = await makeUser({ email: "bo-unproved@example.test", proved: false, passwordHash: await hashPassword("bos-password") });
    await useSignInLink(bo.email, -60_000);
    const [row] = await t.db().select().from(users).where(eq(users.id, bo.id));
    expect(row).toMatchObject({ emailVerified: null, sessionVersion: bo.sessionVersion });
    expect(await verifyPassword("bos-password", row!.passwordHash)).toBe(true);
  });

  it("an account created by a provider is proved only when the provider vouched for the address", async () => {
    const vouched = await adapter.createUser!({ id: "x", email: "Sso-Proved@Example.test", emailVerified: null, proved: true } as never);
    expect(vouched).toMatchObject({ email: "sso-proved@example.test" });
    expect(vouched.emailVerified).toBeInstanceOf(Date);
    const unvouched = await adapter.createUser!({ id: "y", email: "sso-unproved@example.test", emailVerified: null, proved: false } as never);
    expect(unvouched.emailVerified).toBeNull();
    // A sign-in link proves it (Auth.js passes emailVerified).
    const linked = await adapter.createUser!({ id: "z", email: "link@example.test", emailVerified: new Date() } as never);
    expect(linked.emailVerified).toBeInstanceOf(Date);
  });
});
