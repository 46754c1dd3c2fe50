import { button, C, emailLayout, html } from "./html";

export type RenderedEmail = { subject: string; html: string; text: string };

/** The invitation to join a team, sent when a manager invites someone by email. */
export function invitationEmail(i: { teamName: string; inviterName: string | null; role: string; link: string; expiresAt: Date }): RenderedEmail {
  const who = i.inviterName?.trim() || "A manager";
  const expires = i.expiresAt.toISOString().slice(0, 10);
  const subject = `${who} invited you to ${i.teamName} on SSI Leaderboard`;
  const body = html`<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3;">Join ${i.teamName}</h1>
<p style="margin:0 0 12px;">${who} invited you to join <strong>${i.teamName}</strong> as a ${i.role}. Record your LinkedIn Social Selling Index each week and see where you rank in your team.</p>
${button(i.link, "Accept the invitation")}
<p style="margin:0;color:${C.muted};font-size:13px;">The link works once, for this email address, until ${expires}. If the button does not work, paste this into your browser:<br><a href="${i.link}" style="color:${C.brand};word-break:break-all;">${i.link}</a></p>`;
  const footer = html`You get this email because someone invited this address. If you did not expect it, ignore it: nothing happens unless you accept.`;
  const text = [
    `Join ${i.teamName}`,
    "",
    `${who} invited you to join ${i.teamName} as a ${i.role} on SSI Leaderboard.`,
    "",
    `Accept the invitation: ${i.link}`,
    "",
    `The link works once, for this email address, until ${expires}.`,
    "If you did not expect this email, ignore it: nothing happens unless you accept.",
  ].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: `${who} invited you to ${i.teamName}.`, body, footer }), text };
}

/** The magic sign-in link (Auth.js email provider). */
export function signInEmail(s: { url: string; host: string }): RenderedEmail {
  const subject = `Sign in to SSI Leaderboard`;
  const body = html`<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3;">Sign in</h1>
<p style="margin:0 0 12px;">Use this link to sign in to SSI Leaderboard at ${s.host}. It works once and expires within 24 hours.</p>
${button(s.url, "Sign in")}
<p style="margin:0;color:${C.muted};font-size:13px;">If you did not ask to sign in, ignore this email.</p>`;
  const footer = html`Sent because someone asked to sign in with this address.`;
  const text = `Sign in to SSI Leaderboard at ${s.host}:\n\n${s.url}\n\nThe link works once and expires within 24 hours. If you did not ask to sign in, ignore this email.`;
  return { subject, html: emailLayout({ title: subject, preheader: "Your sign-in link", body, footer }), text };
}

/** A team manager's "record your SSI" reminder, sent from the dashboard; people can turn these off. */
export function teamReminderEmail(r: { name: string | null; senderName: string; teamName: string; submitUrl: string; unsubscribeUrl: string }): RenderedEmail {
  const subject = `Reminder: record your SSI for ${r.teamName}`;
  const hello = r.name?.trim() ? `Hi ${r.name.trim().split(/\s+/)[0]},` : "Hi,";
  const body = html`<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3;">Record this week's SSI</h1>
<p style="margin:0 0 12px;">${hello} ${r.senderName} asked for your LinkedIn SSI for this week in <strong>${r.teamName}</strong>. It takes a minute: open linkedin.com/sales/ssi, copy the page and paste it in.</p>
${button(r.submitUrl, "Record my SSI")}`;
  const footer = html`You get this because a manager of ${r.teamName} asked. <a href="${r.unsubscribeUrl}" style="color:${C.muted};">Stop reminders from managers</a>.`;
  const text = [
    subject,
    "",
    `${hello} ${r.senderName} asked for your LinkedIn SSI for this week in ${r.teamName}.`,
    "It takes a minute: open linkedin.com/sales/ssi, copy the page and paste it in.",
    "",
    `Record it: ${r.submitUrl}`,
    "",
    `Stop reminders from managers: ${r.unsubscribeUrl}`,
  ].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: `${r.senderName} asked for this week's SSI.`, body, footer }), text };
}

/** The opt-in weekly nudge when a person has recorded nothing this week. */
export function reminderEmail(r: { name: string | null; submitUrl: string; unsubscribeUrl: string; lastTotal: number | null }): RenderedEmail {
  const subject = "Time to record this week's SSI";
  const hello = r.name?.trim() ? `Hi ${r.name.trim().split(/\s+/)[0]},` : "Hi,";
  const last = r.lastTotal === null ? "You haven't recorded a score yet." : `Your last recorded SSI was ${r.lastTotal.toFixed(1)}.`;
  const body = html`<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3;">${subject}</h1>
<p style="margin:0 0 12px;">${hello} you haven't recorded your Social Selling Index this week. ${last} It takes a minute: open linkedin.com/sales/ssi, copy the page and paste it in.</p>
${button(r.submitUrl, "Record my SSI")}`;
  const footer = html`You asked for this weekly reminder. <a href="${r.unsubscribeUrl}" style="color:${C.muted};">Stop these reminders</a>.`;
  const text = [subject, "", `${hello} you haven't recorded your Social Selling Index this week. ${last}`, "", `Record it: ${r.submitUrl}`, "", `Stop these reminders: ${r.unsubscribeUrl}`].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: "A minute to keep your streak going.", body, footer }), text };
}

/** The link that proves a person receives mail at an address (at sign-up, or for a new address on an email change). */
export function emailProofEmail(p: { name: string | null; email: string; link: string; change: boolean }): RenderedEmail {
  const subject = p.change ? "Confirm your new email address for SSI Leaderboard" : "Confirm your email address for SSI Leaderboard";
  const hello = p.name?.trim() ? `Hi ${p.name.trim().split(/\s+/)[0]},` : "Hi,";
  const why = p.change
    ? `someone asked to change the email address of an SSI Leaderboard account to ${p.email}. The change happens when you open this link while signed in to that account.`
    : `an SSI Leaderboard account was created with ${p.email}. Open this link while signed in to it to confirm the address is yours: invitations and mail sent to it then reach that account.`;
  const body = html`<h1 style="margin:0 0 12px;font-size:22px;line-height:1.3;">Confirm your email address</h1>
<p style="margin:0 0 12px;">${hello} ${why}</p>
${button(p.link, "Confirm this address")}
<p style="margin:0;color:${C.muted};font-size:13px;">The link works once, within 7 days. If you did not ask for this, ignore this email: the address stays unconfirmed.<br><a href="${p.link}" style="color:${C.brand};word-break:break-all;">${p.link}</a></p>`;
  const footer = html`Sent because this address was entered on SSI Leaderboard.`;
  const text = [subject, "", `${hello} ${why}`, "", `Confirm this address: ${p.link}`, "", "The link works once, within 7 days. If you did not ask for this, ignore this email."].join("\n");
  return { subject, html: emailLayout({ title: subject, preheader: "One click to confirm your address.", body, footer }), text };
}
