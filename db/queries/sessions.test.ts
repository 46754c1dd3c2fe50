import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { makeUser } from "../testing/factories";
import { endSession, findActiveSession, startSession } from "./sessions";

setupTestDatabase();

describe("session records", () => {
  it("a session counts while its record lives: sign-out ends only that one, and only its owner's id matches", async () => {
    const ann = await makeUser();
    const bob = await makeUser();
    const laptop = await startSession(ann.id, 3600);
    const phone = await startSession(ann.id, 3600);
    expect(laptop).not.toBe(phone);
    const expires = await findActiveSession(laptop, ann.id);
    expect(expires!.getTime()).toBeGreaterThan(Date.now() + 3500_000);
    expect(await findActiveSession(laptop, bob.id)).toBeNull();

    await endSession(laptop);
    expect(await findActiveSession(laptop, ann.id)).toBeNull();
    expect(await findActiveSession(phone, ann.id)).not.toBeNull();
    expect(await findActiveSession("no-such-session", ann.id)).toBeNull();
  });

  it("a session past its time no longer counts", async () => {
    const cy = await makeUser();
    const old = await startSession(cy.id, -1);
    expect(await findActiveSession(old, cy.id)).toBeNull();
  });
});
