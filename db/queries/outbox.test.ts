import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/test-db";
import { makeTeam, makeUser } from "../testing/factories";
import { setupOutboxSink } from "../testing/outbox-sink";
import { eq } from "drizzle-orm";
import { outbox, users } from "../schema";
import { deleteAccount } from "./account";
import { claimDueMessages, countOutbox, enqueueEmail, getMailTo, listFailedMailForOwner, listMailTo } from "./outbox";
import { drainOutbox, LEASE_MS, MAX_ATTEMPTS } from "@/server/mail/sender";
import { inviteToTeam } from "@/server/invitations";

const t = setupTestDatabase();
const sink = setupOutboxSink(t);

/** Whoever has proved they receive mail at this address (a reader by address only: no messages of their own). */
const readerOf = (email: string) => ({ id: "nobody", email, emailVerified: new Date() });

let seq = 0;
async function enqueue(n: number, extra: { teamId?: string } = {}) {
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = `test:${++seq}`;
    keys.push(k);
    await enqueueEmail(null, {
      dedupeKey: k,
      kind: "digest",
      to: `Person-${seq}@Example.test`,
      subject: `Message ${k} — you're #3`,
      html: `<p>Hello <strong>${k}</strong></p>`,
      text: `Hello ${k}`,
      headers: { "List-Unsubscribe": `<https://app.test/api/unsubscribe?token=${k}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      teamId: extra.teamId ?? null,
    });
  }
  return keys;
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const arrivedSubjects = () => sink().received.map((m) => m.subject).sort();

describe(`outbox sender on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  it("delivers over SMTP: recipient, subject, both parts and the unsubscribe headers arrive", async () => {
    const [key] = await enqueue(1);
    const r = await drainOutbox({ transportUrl: sink().url, from: "SSI Leaderboard <digest@ssi.test>", now: at(new Date(), 1000) });
    expect(r).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(sink().received).toHaveLength(1);
    const mail = sink().received[0]!;
    expect(mail.to).toEqual([`person-${seq}@example.test`]);
    expect(mail.from).toBe("digest@ssi.test");
    expect(mail.subject).toBe(`Message ${key} — you're #3`);
    expect(mail.text.trim()).toBe(`Hello ${key}`);
    expect(mail.html).toContain(`<strong>${key}</strong>`);
    expect(mail.headers["list-unsubscribe"]).toBe(`<https://app.test/api/unsubscribe?token=${key}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const [row] = await listMailTo(readerOf(`person-${seq}@example.test`));
    expect(row).toMatchObject({ status: "sent", transport: "smtp", attempts: 1, lastError: null });
  });

  it("keeps messages for the in-app preview when no SMTP server is configured", async () => {
    await enqueue(2);
    const r = await drainOutbox({ transportUrl: null, now: at(new Date(), 1000) });
    expect(r.sent).toBe(2);
    const [row] = await listMailTo(readerOf(`person-${seq}@example.test`));
    expect(row).toMatchObject({ status: "sent", transport: "preview" });
    const full = await getMailTo(readerOf(`person-${seq}@example.test`), row!.id);
    expect(full?.html).toContain("<strong>");
    expect(await getMailTo(readerOf("someone-else@example.test"), row!.id)).toBeNull();
    expect(sink().received).toHaveLength(0);
  });

  it("retries with backoff while SMTP refuses, then delivers every message exactly once", async () => {
    const keys = await enqueue(3);
    sink().refuseNext(4);
    const t0 = at(new Date(), 1000);
    expect(await drainOutbox({ transportUrl: sink().url, now: t0 })).toMatchObject({ claimed: 3, sent: 0, retried: 3 });
    // Not due again until the backoff (30 s) has passed.
    expect((await drainOutbox({ transportUrl: sink().url, now: at(t0, 29_000) })).claimed).toBe(0);
    expect(await drainOutbox({ transportUrl: sink().url, now: at(t0, 31_000) })).toMatchObject({ claimed: 3, sent: 2, retried: 1 });
    const [refused] = await listMailTo(readerOf((await pendingRecipient())!));
    expect(refused).toMatchObject({ status: "pending", attempts: 2 });
    expect(refused?.lastError).toMatch(/try again later/);
    // The second backoff is 60 s.
    expect((await drainOutbox({ transportUrl: sink().url, now: at(t0, 31_000 + 59_000) })).claimed).toBe(0);
    expect(await drainOutbox({ transportUrl: sink().url, now: at(t0, 31_000 + 61_000) })).toMatchObject({ claimed: 1, sent: 1 });
    expect(arrivedSubjects()).toEqual(keys.map((k) => `Message ${k} — you're #3`).sort());
    expect(await countOutbox()).toEqual({ pending: 0, sent: 3, failed: 0 });
  });

  it(`marks a message failed after ${MAX_ATTEMPTS} refused attempts and shows it to the team's owner`, async () => {
    const owner = await makeUser();
    const team = await makeTeam(owner.id);
    await enqueue(1, { teamId: team.id });
    sink().refuseNext(1000);
    let now = at(new Date(), 1000);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await drainOutbox({ transportUrl: sink().url, now });
      now = at(now, 2 * 60 * 60_000); // past any backoff
    }
    expect(await countOutbox()).toEqual({ pending: 0, sent: 0, failed: 1 });
    const failed = await listFailedMailForOwner(owner.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, teamName: team.name });
    expect(failed[0]!.lastError).toMatch(/try again later/);
    expect(await listFailedMailForOwner((await makeUser()).id)).toEqual([]);
    expect(sink().received).toHaveLength(0);
  });

  it("two senders draining the same outbox at once send nothing twice", async () => {
    const keys = await enqueue(40);
    const now = at(new Date(), 1000);
    const [a, b] = await Promise.all([
      drainOutbox({ transportUrl: sink().url, now, limit: 40 }),
      drainOutbox({ transportUrl: sink().url, now, limit: 40 }),
    ]);
    expect(a.sent + b.sent).toBe(40);
    expect(a.claimed + b.claimed).toBe(40);
    expect(arrivedSubjects()).toEqual(keys.map((k) => `Message ${k} — you're #3`).sort());
    expect(new Set(sink().received.map((m) => m.subject)).size).toBe(40);
  });

  it("a sender killed after claiming is taken over once its lease ends, without duplicates", async () => {
    const keys = await enqueue(8);
    const t0 = at(new Date(), 1000);
    // The "killed" sender: claims five messages and never comes back.
    const abandoned = await claimDueMessages({ limit: 5, now: t0, leaseMs: LEASE_MS });
    expect(abandoned).toHaveLength(5);
    // A re-run while the lease holds delivers only the other three.
    expect(await drainOutbox({ transportUrl: sink().url, now: at(t0, 1000) })).toMatchObject({ claimed: 3, sent: 3 });
    expect(await drainOutbox({ transportUrl: sink().url, now: at(t0, LEASE_MS - 1000) })).toMatchObject({ claimed: 0 });
    // After the lease, the re-run completes the run.
    expect(await drainOutbox({ transportUrl: sink().url, now: at(t0, LEASE_MS + 1000) })).toMatchObject({ claimed: 5, sent: 5 });
    expect(await drainOutbox({ transportUrl: sink().url, now: at(t0, 2 * LEASE_MS) })).toMatchObject({ claimed: 0 });
    expect(arrivedSubjects()).toEqual(keys.map((k) => `Message ${k} — you're #3`).sort());
  });

  it("an email invitation writes its email in the same transaction, with the link to accept it", async () => {
    const owner = await makeUser({ name: "Mia Manager" });
    const team = await makeTeam(owner.id, { name: "Acme Sales" });
    const inv = await inviteToTeam(team.owner, { email: "Raj@Example.test", role: "member", expiresInDays: 7 }, { origin: "https://ssi.test" });
    expect(inv.emailQueued).toBe(true);
    const link = await inviteToTeam(team.owner, { email: null, role: "member", expiresInDays: 7 }, { origin: "https://ssi.test" });
    expect(link.emailQueued).toBe(false);
    await drainOutbox({ transportUrl: sink().url, now: at(new Date(), 1000) });
    expect(sink().received).toHaveLength(1);
    const mail = sink().received[0]!;
    expect(mail.to).toEqual(["raj@example.test"]);
    expect(mail.subject).toBe("Mia Manager invited you to Acme Sales on SSI Leaderboard");
    expect(mail.text).toContain(`https://ssi.test/invite/${inv.token}`);
    expect(mail.html).toContain(`href="https://ssi.test/invite/${inv.token}"`);
  });

  it("a person's mail stays theirs: whoever takes over their address later sees none of it", async () => {
    const ana = await makeUser({ email: `ana-${++seq}@example.test` });
    const address = ana.email;
    const mine = { dedupeKey: `digest:${seq}`, kind: "digest", to: address, subject: "Your rank: #2", html: "h", text: "t", userId: ana.id };
    await enqueueEmail(null, mine);
    await enqueueEmail(null, { dedupeKey: `invite:${seq}`, kind: "invitation", to: address, subject: "Join Acme", html: "h", text: "t" });
    expect((await listMailTo(ana)).map((m) => m.subject).sort()).toEqual(["Join Acme", "Your rank: #2"]);

    // Ana moves to a new address; someone else signs up with the old one and finds only the unclaimed invitation.
    await t.db().update(users).set({ email: `ana-new-${seq}@example.test` }).where(eq(users.id, ana.id));
    const next = await makeUser({ email: address });
    const theirs = await listMailTo(next);
    expect(theirs.map((m) => m.subject)).toEqual(["Join Acme"]);
    const anasDigest = (await listMailTo({ ...ana, email: `ana-new-${seq}@example.test` })).find((m) => m.kind === "digest")!;
    expect(anasDigest.subject).toBe("Your rank: #2");
    expect(await getMailTo(next, anasDigest.id)).toBeNull();

    // Deleting an account deletes its mail, so the address's next owner cannot inherit it either.
    expect(await deleteAccount(ana.id)).toEqual({ ok: true });
    const rows = await t.db().select({ subject: outbox.subject }).from(outbox);
    expect(rows.map((r) => r.subject)).toEqual(["Join Acme"]);
  });

  it("enqueueing the same dedupe key twice keeps one message", async () => {
    const msg = { dedupeKey: "same", kind: "invitation", to: "a@example.test", subject: "s", html: "h", text: "t" };
    expect(await enqueueEmail(null, msg)).toBe(true);
    expect(await enqueueEmail(null, { ...msg, subject: "other" })).toBe(false);
    expect(await listMailTo(readerOf("a@example.test"))).toHaveLength(1);
  });
});

async function pendingRecipient() {
  const rows = await t.db().select({ to: outbox.toEmail, status: outbox.status }).from(outbox);
  return rows.find((r) => r.status === "pending")?.to;
}
