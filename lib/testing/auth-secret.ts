import { afterAll, vi } from "vitest";

/**
 * Gives this test file an AUTH_SECRET (for signed unsubscribe links and session cookies) when the environment
 * has none, and puts the environment back as it was after the file's tests.
 */
export function withAuthSecret(secret: string) {
  if (!process.env.AUTH_SECRET) vi.stubEnv("AUTH_SECRET", secret);
  afterAll(() => {
    vi.unstubAllEnvs();
  });
}
