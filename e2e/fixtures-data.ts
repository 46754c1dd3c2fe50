import { sha256Hex as sha256 } from "../lib/hash";


/** Fixed fixture data seeded by e2e/fixtures-seed.ts before the e2e server starts. */
export const E2E_FIXTURES = {
  teamName: "Fixture Team",
  /** The instance's first account, hence its administrator: without SMTP it passes address-proof links on. */
  adminEmail: "fixture-owner@example.test",
  adminPassword: "fixture-admin-password",
  expiredToken: "e2e-expired-invitation-token",
  expiredTokenHash: sha256("e2e-expired-invitation-token"),
  revokedToken: "e2e-revoked-invitation-token",
  revokedTokenHash: sha256("e2e-revoked-invitation-token"),
};
