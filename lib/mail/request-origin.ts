import { headers } from "next/headers";

/** The origin the current request came in on (AUTH_URL when set), for links in emails built during a request. */
export async function requestOrigin(): Promise<string> {
  const configured = process.env.AUTH_URL?.replace(/\/$/, "");
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
