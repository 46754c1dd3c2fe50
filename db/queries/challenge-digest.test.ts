import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships } from "../schema";
import { setupTestDatabase } from "../testing/test-db";
import { addMember, makeSnapshot, makeTeam, makeUser } from "../testing/factories";
import { createChallenge } from "./challenges";
import { buildTeamDigestEmails } from "@/server/digest/run";
import { withAuthSecret } from "@/lib/testing/auth-secret";

withAuthSecret("test-secret-test-secret-test-secret-123");
setupTestDatabase();

const challenge = { metric: "total" as const, target: null, participants: "all" as const, participantIds: [], teamIds: [] as string[] };

describe("challenges in the weekly digest", () => {
  it("announces a result with its winner, and a team-against-team result with the winning team only", async () => {
    const owner = await makeUser({ name: "Olga Owner" });
    const north = await makeTeam(owner.id, { name: "North" });
    const south = await makeTeam(owner.id, { name: "South" });
    const lea = await makeUser({ name: "Lea Climber" });
    const sam = await makeUser({ name: "Sam South" });
    await addMember(north.id, lea.id);
    await addMember(south.id, sam.id);
    const { database } = await import("../client");
    await (await database()).update(memberships).set({ joinedAt: new Date("2025-01-01T00:00:00Z") }).where(eq(memberships.userId, lea.id));
    await (await database()).update(memberships).set({ joinedAt: new Date("2025-01-01T00:00:00Z") }).where(eq(memberships.userId, sam.id));
    await (await database()).update(memberships).set({ joinedAt: new Date("2025-01-01T00:00:00Z") }).where(eq(memberships.userId, owner.id));
    await makeSnapshot(lea.id, "2025-03-01", 40);
    await makeSnapshot(lea.id, "2025-03-07", 48);
    await makeSnapshot(owner.id, "2025-03-01", 85);
    await makeSnapshot(owner.id, "2025-03-07", 86);
    await makeSnapshot(sam.id, "2025-03-01", 50);
    await makeSnapshot(sam.id, "2025-03-07", 60);
    await createChallenge(north.owner, { ...challenge, name: "March climb", kind: "improved", startsOn: "2025-03-01", endsOn: "2025-03-08" });
    await createChallenge(north.owner, { ...challenge, name: "North v South", kind: "versus", startsOn: "2025-03-01", endsOn: "2025-03-09", teamIds: [south.id] });
    await createChallenge(north.owner, { ...challenge, name: "April sprint", kind: "improved", startsOn: "2025-03-12", endsOn: "2025-04-10" });

    // The week of 3–9 March 2025 (Monday weeks, digest on Monday 10 March).
    const week = { start: "2025-03-03", end: "2025-03-09" };
    const [northMail] = (await buildTeamDigestEmails(north.id, week, "https://ssi.example.test")).filter((m) => m.userId === lea.id);
    expect(northMail!.text).toContain("CHALLENGES");
    expect(northMail!.text).toContain("“March climb” ended on 8 Mar 2025. Winner: Lea Climber.");
    expect(northMail!.text).toContain("“North v South” ended on 9 Mar 2025. Winner: South.");
    expect(northMail!.text).toContain("“April sprint” starts on 12 Mar 2025");
    expect(northMail!.html).toContain("See the standings");

    const [southMail] = (await buildTeamDigestEmails(south.id, week, "https://ssi.example.test")).filter((m) => m.userId === sam.id);
    expect(southMail!.text).toContain("“North v South” ended on 9 Mar 2025. Winner: South.");
    // South is not in North's own challenges, and never sees North's people.
    expect(southMail!.text).not.toContain("March climb");
    expect(southMail!.text).not.toContain("Lea Climber");
  });
});
