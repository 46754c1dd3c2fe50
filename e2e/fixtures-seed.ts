// Seeds what the browser cannot create by itself (an invitation that has already expired, one revoked) into the
// e2e server's fresh database, before the server opens it. Tokens are fixed so specs can open the links. Then the
// pool of people that e2e/fixtures.ts signs in, through the test factories.
import { eq } from "drizzle-orm";
import { openDatabase, installDatabase } from "../db/client";
import { invitations } from "../db/schema";
import { createInvitation, revokeInvitation } from "../db/queries/invitations";
import { createTeam } from "../db/queries/teams";
import { createUserWithPassword } from "../db/queries/users";
import { hashPassword } from "../lib/password";
import { grantTeamAccess } from "../lib/team-access";
import { addMember, makeSnapshot, makeUser } from "../db/testing/factories";
import { addDays, todayInZone } from "../lib/dates";
import { E2E_FIXTURES, E2E_POOL, poolPerson } from "./fixtures-data";

const handle = await openDatabase({ pgliteDir: process.env.PGLITE_DIR, url: process.env.DATABASE_URL });
await handle.ready;
installDatabase(handle);
// The first account: the administrator, proved without a link (the e2e server has no SMTP).
const owner = await createUserWithPassword({
  name: "Fixture Owner",
  email: E2E_FIXTURES.adminEmail,
  passwordHash: await hashPassword(E2E_FIXTURES.adminPassword),
  firstProved: true,
});
const team = await createTeam(owner!.id, { name: E2E_FIXTURES.teamName, timeZone: "UTC", weekStart: 1, staleDays: 14, digestDay: 1, digestHour: 8 });
const access = grantTeamAccess(team.id, owner!.id, "owner");
const expired = await createInvitation(access, { email: null, role: "member", expiresInDays: 1 });
await handle.db.update(invitations).set({ expiresAt: new Date(Date.now() - 86_400_000), tokenHash: E2E_FIXTURES.expiredTokenHash }).where(eq(invitations.id, expired.id));
const revoked = await createInvitation(access, { email: null, role: "member", expiresInDays: 7 });
await revokeInvitation(access, revoked.id);
await handle.db.update(invitations).set({ tokenHash: E2E_FIXTURES.revokedTokenHash }).where(eq(invitations.id, revoked.id));
// The large team (E2E_FIXTURES.largeTeam): past the rows its dashboard's lists and heatmap show at first.
const large = E2E_FIXTURES.largeTeam;
const largeOwner = await makeUser({ name: "Large Owner", email: large.ownerEmail, passwordHash: await hashPassword(large.password), proved: true });
const largeTeam = await createTeam(largeOwner.id, { name: large.name, timeZone: "UTC", weekStart: 1, staleDays: 14, digestDay: 1, digestHour: 8 });
if (largeTeam.slug !== large.slug) throw new Error(`the large fixture team got the slug ${largeTeam.slug}`);
const today = todayInZone("UTC");
await makeSnapshot(largeOwner.id, today, 70);
for (let i = 0; i < large.members; i++) {
  const member = await makeUser({ name: `Large Member ${String(i + 1).padStart(2, "0")}`, email: `large-${i + 1}@example.test`, proved: true });
  await addMember(largeTeam.id, member.id);
  await makeSnapshot(member.id, i < large.submitted ? today : addDays(today, -8), 40 + i);
}
// The people e2e/fixtures.ts hands out: one password hash for all (hashing is the slow part of creating them).
const poolHash = await hashPassword(E2E_POOL.password);
for (let i = 0; i < E2E_POOL.size; i++) {
  const { name, email } = poolPerson(i);
  await makeUser({ name, email, passwordHash: poolHash, proved: true });
}
await handle.close();
console.log(`[e2e] fixtures seeded, with ${E2E_POOL.size} people`);
