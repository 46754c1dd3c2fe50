import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { database } from "@/db/client";
import { invitations } from "@/db/schema";
import { addMember, makeSnapshot, makeTeam, makeUser } from "@/db/testing/factories";
import { setupTestDatabase } from "@/db/testing/test-db";
import { createInvitation } from "./invitations";
import { getOnboardingStatus } from "./onboarding";
import { updateTeamSettings } from "./teams";

setupTestDatabase();

describe("the new team checklist (getOnboardingStatus)", () => {
  it("starts with nothing done and ticks each step as the team does it", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    expect(await getOnboardingStatus(team.owner)).toEqual({ invited: false, recorded: false, digestSet: false });

    // A pending invitation counts as inviting; a revoked one does not.
    await createInvitation(team.owner, { email: "someone@example.test", role: "member", expiresInDays: 7 });
    expect((await getOnboardingStatus(team.owner)).invited).toBe(true);
    const db = await database();
    await db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.teamId, team.id));
    expect((await getOnboardingStatus(team.owner)).invited).toBe(false);
    await addMember(team.id, (await makeUser()).id);
    expect((await getOnboardingStatus(team.owner)).invited).toBe(true);

    // Another person's score is not the viewer's.
    const other = await makeUser();
    await makeSnapshot(other.id, "2026-01-05", 60);
    expect((await getOnboardingStatus(team.owner)).recorded).toBe(false);
    await makeSnapshot(owner.id, "2026-01-05", 60);
    expect((await getOnboardingStatus(team.owner)).recorded).toBe(true);

    expect((await getOnboardingStatus(team.owner)).digestSet).toBe(false);
    await updateTeamSettings(team.owner, { ...team.settings, digestHour: 9 });
    expect(await getOnboardingStatus(team.owner)).toEqual({ invited: true, recorded: true, digestSet: true });
  });

  it("looks at its own team only", async () => {
    const owner = await makeUser();
    const done = await makeTeam(owner.id);
    await addMember(done.id, (await makeUser()).id);
    await updateTeamSettings(done.owner, { ...done.settings, digestHour: 9 });
    const fresh = await makeTeam(owner.id);
    expect(await getOnboardingStatus(fresh.owner)).toEqual({ invited: false, recorded: false, digestSet: false });
  });
});
