import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Redirects signed-out visitors to sign-in. Not a security boundary: every page and action checks on the server.
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)"],
};
