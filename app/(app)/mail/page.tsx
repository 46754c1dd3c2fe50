import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { MessageView } from "@/components/mail/message-view";
import { getMailTo, listFailedMailForOwner, listMailTo } from "@/db/queries/outbox";
import { requireUser } from "@/lib/authz";
import { features } from "@/lib/env";

export const metadata: Metadata = { title: "Mail" };

const KIND: Record<string, string> = {
  digest: "Weekly digest",
  invitation: "Invitation",
  reminder: "Reminder",
  magic_link: "Sign-in link",
  email_proof: "Address confirmation",
};
const STATUS = { pending: "waiting to send", sent: "sent", failed: "failed" } as const;
const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** Every email the app wrote for the signed-in person (newest first), readable in place; owners also see their teams' failures. */
export default async function MailPage({ searchParams }: PageProps<"/mail">) {
  const user = await requireUser("/mail");
  const rawId = (await searchParams).id;
  // A message id is a whole number below 2^53 (15 digits keep it exact); anything else names no message, and a
  // number past bigint's range was a 500 from the database.
  const askedId = rawId === undefined ? undefined : typeof rawId === "string" && /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
  if (askedId === null) notFound();
  const smtp = features().smtp;
  // Without SMTP the administrator stands in for the mail server: address-confirmation links reach people through them.
  const recipient = { ...user, readsAllProofs: user.isAdmin && !smtp };
  const [messages, failed] = await Promise.all([listMailTo(recipient), listFailedMailForOwner(user.id)]);
  const selectedId = askedId ?? messages[0]?.id;
  const selected = selectedId !== undefined ? await getMailTo(recipient, selectedId) : null;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Mail</h1>
        <p className="text-sm text-muted">
          {smtp
            ? "Every email the app sent to you, as it was sent."
            : "This server has no SMTP configured, so emails are kept here instead of being sent. This is everything the app would have emailed you."}
        </p>
        {!user.emailVerified ? (
          <p className="mt-1 text-sm text-muted" data-testid="mail-unconfirmed">
            Mail sent to {user.email} shows here once you have <Link href="/account#profile">confirmed the address</Link> is yours.
          </p>
        ) : null}
        {recipient.readsAllProofs ? (
          <p className="mt-1 text-sm text-muted">
            As this server&apos;s administrator you also see every address-confirmation link, so that you can pass each on to its person.
          </p>
        ) : null}
      </div>

      {messages.length === 0 ? (
        <Card>
          <p className="font-medium">No email for you yet.</p>
          <p className="text-sm text-muted">Invitations, sign-in links and your weekly digest will show up here.</p>
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
          <Card flush aria-labelledby="inbox-heading" className="self-start">
            <h2 id="inbox-heading" className="sr-only">Your messages</h2>
            <ul className="divide-y divide-line" data-testid="mail-list">
              {messages.map((m) => {
                const current = m.id === selected?.id;
                return (
                  <li key={m.id}>
                    <Link
                      href={`/mail?id=${m.id}`}
                      aria-current={current ? "true" : undefined}
                      className={`block px-4 py-3 no-underline hover:bg-raised hover:no-underline ${current ? "bg-brand-soft" : ""}`}
                    >
                      <span className="block text-xs text-muted">{KIND[m.kind] ?? m.kind} · {when(m.createdAt)}</span>
                      <span className="block truncate text-sm font-medium text-fg">{m.subject}</span>
                      {m.kind === "email_proof" && m.toEmail !== user.email ? <span className="block truncate text-xs text-muted">for {m.toEmail}</span> : null}
                      {m.status !== "sent" ? <span className="text-xs text-warn">{STATUS[m.status]}</span> : null}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </Card>
          {selected ? (
            <Card>
              <MessageView
                subject={selected.subject}
                to={selected.toEmail}
                html={selected.html}
                text={selected.text}
                meta={
                  <>
                    {KIND[selected.kind] ?? selected.kind} · written {when(selected.createdAt)} · {STATUS[selected.status]}
                    {selected.transport === "preview" ? " (kept for preview)" : selected.transport === "smtp" ? " over SMTP" : ""}
                  </>
                }
              />
            </Card>
          ) : (
            <Alert tone="warning">That message is not in your mail.</Alert>
          )}
        </div>
      )}

      {failed.length ? (
        <Card aria-labelledby="failed-heading">
          <h2 id="failed-heading" className="mb-1 text-lg font-semibold">Undeliverable email in your teams</h2>
          <p className="mb-3 text-sm text-muted">The server gave up on these after several attempts. Check the address, or your SMTP settings.</p>
          <ul className="divide-y divide-line text-sm" data-testid="failed-mail">
            {failed.map((m) => (
              <li key={m.id} className="py-2">
                <p className="font-medium break-all">{m.toEmail} · {m.teamName}</p>
                <p className="text-muted">{KIND[m.kind] ?? m.kind}: {m.subject} · {m.attempts} attempts · {when(m.createdAt)}</p>
                <p className="text-danger break-words">{m.lastError}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
