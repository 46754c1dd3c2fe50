import bcrypt from "bcryptjs";

// Cost 11: slow enough to hurt offline guessing, fast enough for sign-in on a small server (docs/PERFORMANCE.md).
const COST = 11;
/** Compared against when the email is unknown, so sign-in takes the same time either way. */
const DUMMY_HASH = "$2b$11$MzrrNKpTVdUvrXQw0ymnfuooxSZEsDFKCQKVIlQJNAoIfp10joJJW";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Checks a password; with no stored hash it still spends the same time, then answers false. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && !!hash;
}
