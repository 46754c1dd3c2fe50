import { sql } from "drizzle-orm";
import { database, queryRowsPrepared } from "../client";
import { auditLog, invitations, memberships, snapshots } from "../schema";
import type { TeamAccess } from "@/lib/team-access";

/**
 * Which first steps a new team has done: invited someone, the viewer recorded a score, digest timing chosen.
 * One statement of EXISTS tests that stop at the first row (the board asks on every manager's view; counting
 * every snapshot of the viewer and every audit entry of the team grew with the team's history).
 */
export async function getOnboardingStatus(access: TeamAccess) {
  const db = await database();
  // Prepared (parsed and planned once per connection): every manager's view of a board makes this read.
  const [row] = await queryRowsPrepared<{ invited: boolean; recorded: boolean; digest_set: boolean }>(db, sql`
    select
      (select count(*) from (select 1 from ${memberships} where team_id = ${access.teamId} limit 2) m) > 1
        or exists (select 1 from ${invitations}
                   where team_id = ${access.teamId} and revoked_at is null and expires_at > now()) as invited,
      exists (select 1 from ${snapshots} where user_id = ${access.userId}) as recorded,
      exists (select 1 from ${auditLog} where team_id = ${access.teamId} and action = 'team.update') as digest_set`);
  return { invited: row!.invited === true, recorded: row!.recorded === true, digestSet: row!.digest_set === true };
}
