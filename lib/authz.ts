import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { getUserById, type PublicUser } from "@/db/queries/users";

/** The signed-in person, read from the database once per request; null when signed out or deleted. */
export const currentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return getUserById(id);
});

/** The signed-in person, or a redirect to sign-in (coming back here afterwards when a path is given). */
export async function requireUser(returnTo?: string): Promise<PublicUser> {
  const user = await currentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
