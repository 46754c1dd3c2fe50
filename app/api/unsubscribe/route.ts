import { unsubscribeFromList } from "@/db/queries/notification-prefs";
import { answerOutage } from "@/server/api";
import { verifyUnsubscribeToken } from "@/lib/mail/unsubscribe";

export const dynamic = "force-dynamic";

/**
 * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` to the URL in the
 * `List-Unsubscribe` header. The signed token says who and from which list; no sign-in is involved.
 */
export const POST = answerOutage(async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const claim = verifyUnsubscribeToken(token);
  if (!claim) return Response.json({ error: "This unsubscribe link is not valid." }, { status: 400 });
  await unsubscribeFromList(claim.userId, claim.list);
  return Response.json({ ok: true, list: claim.list });
});

/** A person who opens the header's link in a browser gets the confirmation page instead. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  return Response.redirect(new URL(`/unsubscribe?token=${encodeURIComponent(url.searchParams.get("token") ?? "")}`, url), 303);
}
