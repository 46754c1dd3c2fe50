import type { Adapter } from "next-auth/adapters";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { database } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { createSsoUser, takeOverUnprovedAccount } from "@/db/queries/users";

/**
 * The Drizzle adapter wants a database at construction; ours opens on first use (so that `next build` never
 * touches it). Each method therefore builds the adapter on the already-open handle when first called.
 *
 * One addition: using a valid emailed sign-in link proves the address, so before Auth.js looks the person up,
 * an account with that address that was never proved is taken over (its password removed, its sessions ended;
 * takeOverUnprovedAccount). Auth.js then reads the account afresh and signs in with its new session version.
 */
export function lazyAdapter(): Adapter {
  const real = async () =>
    DrizzleAdapter(await database(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    });
  const methods = [
    "createUser", "getUser", "getUserByEmail", "getUserByAccount", "updateUser", "deleteUser", "linkAccount",
    "unlinkAccount", "createSession", "getSessionAndUser", "updateSession", "deleteSession",
    "createVerificationToken", "useVerificationToken",
  ] as const;
  const adapter = Object.fromEntries(
    methods.map((m) => [m, async (...args: unknown[]) => ((await real())[m] as (...a: unknown[]) => unknown)(...args)]),
  ) as Adapter;
  // New accounts from a provider or a sign-in link (the sign-up policy already allowed them in the signIn callback):
  // the first becomes the administrator, and the address is proved when the provider vouched for it or the link did.
  adapter.createUser = async (user) => {
    const u = user as typeof user & { proved?: boolean };
    return createSsoUser({ name: u.name ?? null, email: u.email, image: u.image ?? null, proved: u.proved === true || u.emailVerified instanceof Date });
  };
  const consumeToken = adapter.useVerificationToken!;
  adapter.useVerificationToken = async (params) => {
    const used = await consumeToken(params);
    // Auth.js refuses an expired token after this call; only a link it will accept takes an account over.
    if (used && used.expires.valueOf() >= Date.now()) await takeOverUnprovedAccount(used.identifier);
    return used;
  };
  return adapter;
}
