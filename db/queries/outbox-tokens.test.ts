import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { makeTeam, makeUser } from "../testing/factories";
import { setupOutboxSink } from "../testing/outbox-sink";
import { outbox } from "../schema";
import { requestEmailProof, confirmEmailProof } from "./email-proofs";
import { acceptInvitation, revokeInvitation } from "./invitations";
import { getMailTo, listMailTo, REDACTED_TOKEN } from "./outbox";
import { drainOutbox } from "@/server/mail/sender";
import { sendVerificationRequest } from "@/server/mail/magic-link";
import { inviteToTeam } from "@/server/invitations";

// The magic-link hook starts a background drain; here the test drains itself, over SMTP.
vi.mock("@/server/mail/sender", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/server/mail/sender")>()), kickSender: () => {} }));

const t = setupTestDatabase();
const ORIGIN = { origin: "https://ssi.test" };
const sink = setupOutboxSink(t);

/** Everything the outbox keeps of one message: both bodies and the token column. */
const stored = async (kind: string) => {
  const rows = await t.db().select({ html: outbox.html, text: outbox.text, secret: outbox.secret }).from(outbox).where(eq(outbox.kind, kind));
  expect(rows).toHaveLength(1);
  return JSON.stringify(rows[0]);
};
const later = () => new Date(Date.now() + 1000);

describe(`one-time tokens in stored emails on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("invitation, sign-in and address-proof tokens are gone from the outbox once SMTP has the message", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const inv = await inviteToTeam(team.owner, { email: "raj@example.test", role: "member", expiresInDays: 7 }, ORIGIN);
    const magicToken = "f00dfeed".repeat(8);
    await sendVerificationRequest({ identifier: "ana@example.test", url: `https://ssi.test/api/auth/callback/nodemailer?token=${magicToken}&email=ana%40example.test` });
    const bo = await makeUser({ proved: false });
    await requestEmailProof(bo.id, bo.email, ORIGIN);
    const proofToken = /confirm-email\/([\w-]+)/.exec(await stored("email_proof"))![1]!;
    expect(await stored("invitation")).toContain(inv.token);

    expect(await drainOutbox({ transportUrl: sink().url, now: later() })).toMatchObject({ sent: 3 });
    // The recipients got working links...
    const body = (subject: RegExp) => sink().received.find((m) => subject.test(m.subject))!.text;
    expect(body(/invited you/)).toContain(`https://ssi.test/invite/${inv.token}`);
    expect(body(/Sign in/)).toContain(`token=${magicToken}`);
    expect(body(/Confirm/)).toContain(`/account/confirm-email/${proofToken}`);
    // ...and the stored copies no longer carry them.
    expect(await stored("invitation")).not.toContain(inv.token);
    expect(await stored("invitation")).toContain(`https://ssi.test/invite/${REDACTED_TOKEN}`);
    expect(await stored("magic_link")).not.toContain(magicToken);
    expect(await stored("email_proof")).not.toContain(proofToken);
  });

  it("without SMTP the preview keeps the link for its reader until the token is used or revoked", async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    const raj = await makeUser({ email: "raj-preview@example.test" });
    const inv = await inviteToTeam(team.owner, { email: raj.email, role: "member", expiresInDays: 7 }, ORIGIN);
    const gone = await inviteToTeam(team.owner, { email: "nobody-yet@example.test", role: "member", expiresInDays: 7 }, ORIGIN);
    const cy = await makeUser({ proved: false });
    await requestEmailProof(cy.id, cy.email, ORIGIN);
    await drainOutbox({ transportUrl: null, now: later() });

    const [msg] = await listMailTo(raj);
    expect((await getMailTo(raj, msg!.id))!.text).toContain(inv.token);
    expect(await acceptInvitation(inv.token, raj)).toMatchObject({ ok: true });
    expect((await getMailTo(raj, msg!.id))!.text).not.toContain(inv.token);

    expect(await revokeInvitation(team.owner, gone.id)).toBe(true);
    const all = JSON.stringify(await t.db().select().from(outbox));
    expect(all).not.toContain(gone.token);

    const proofToken = /confirm-email\/([\w-]+)/.exec(await stored("email_proof"))![1]!;
    expect(await confirmEmailProof(proofToken, cy.id)).toMatchObject({ ok: true });
    expect(await stored("email_proof")).not.toContain(proofToken);
  });
});
