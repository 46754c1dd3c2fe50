import { createHmac, timingSafeEqual } from "node:crypto";

/** What a link unsubscribes from: the weekly digest, the weekly reminder, or reminders from team managers. */
export type MailingList = "digest" | "reminders" | "team-reminders";
const LISTS: readonly MailingList[] = ["digest", "reminders", "team-reminders"];

function secret(given?: string): string {
  const s = given ?? process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set: unsubscribe links cannot be signed.");
  return s;
}

const mac = (payload: string, key: string) =>
  createHmac("sha256", key).update(`unsubscribe:${payload}`).digest("base64url");

/** A token for a one-click unsubscribe link: who and which list, signed with AUTH_SECRET. It does not expire. */
export function signUnsubscribeToken(userId: string, list: MailingList, key?: string): string {
  const payload = `${list}.${userId}`;
  return `${payload}.${mac(payload, secret(key))}`;
}

/** The person and list of a valid token; null for anything forged, altered or malformed. */
export function verifyUnsubscribeToken(token: string, key?: string): { userId: string; list: MailingList } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [list, userId, sig] = parts as [string, string, string];
  if (!LISTS.includes(list as MailingList) || !userId) return null;
  const expected = Buffer.from(mac(`${list}.${userId}`, secret(key)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, list: list as MailingList };
}

/**
 * The headers and link every list email carries: `List-Unsubscribe` with the one-click POST endpoint
 * (RFC 8058) and the confirm page that the link in the body opens.
 */
export function unsubscribeFor(origin: string, userId: string, list: MailingList) {
  const token = signUnsubscribeToken(userId, list);
  const pageUrl = `${origin}/unsubscribe?token=${encodeURIComponent(token)}`;
  const oneClickUrl = `${origin}/api/unsubscribe?token=${encodeURIComponent(token)}`;
  return {
    pageUrl,
    headers: { "List-Unsubscribe": `<${oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
