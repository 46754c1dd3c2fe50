import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { entraIssuer, providerVerifiedEmail, ssoProviderConfigs, ssoProviders } from "./providers";

const GOOGLE = { AUTH_GOOGLE_ID: "google-client", AUTH_GOOGLE_SECRET: "google-secret" };
const ENTRA = { AUTH_MICROSOFT_ENTRA_ID_ID: "entra-client", AUTH_MICROSOFT_ENTRA_ID_SECRET: "entra-secret" };
const OIDC = { AUTH_OIDC_ISSUER: "https://sso.acme.test/realms/acme/", AUTH_OIDC_ID: "oidc-client", AUTH_OIDC_SECRET: "oidc-secret", AUTH_OIDC_NAME: "Acme SSO" };
const LINKEDIN = { AUTH_LINKEDIN_ID: "li", AUTH_LINKEDIN_SECRET: "li-secret" };

const config = (vars: Record<string, string>, id: string) => {
  const found = ssoProviderConfigs(parseEnv(vars)).find((p) => p.id === id);
  if (!found) throw new Error(`${id} is not configured`);
  return { ...found, ...(found.options ?? {}) } as Record<string, unknown> & { authorization?: { params?: { scope?: string } } };
};

describe("single-sign-on providers from the environment", () => {
  it("offers none without configuration, and each only when its variables are set", () => {
    expect(ssoProviders(parseEnv({}))).toEqual([]);
    expect(ssoProviders(parseEnv(GOOGLE)).map((p) => p.id)).toEqual(["google"]);
    expect(ssoProviders(parseEnv(ENTRA)).map((p) => p.id)).toEqual(["microsoft-entra-id"]);
    expect(ssoProviders(parseEnv(OIDC)).map((p) => p.id)).toEqual(["oidc"]);
  });

  it("lists them in a fixed order with their display names, LinkedIn last", () => {
    expect(ssoProviders(parseEnv({ ...LINKEDIN, ...GOOGLE, ...OIDC, ...ENTRA }))).toEqual([
      { id: "oidc", name: "Acme SSO" },
      { id: "microsoft-entra-id", name: "Microsoft" },
      { id: "google", name: "Google" },
      { id: "linkedin", name: "LinkedIn" },
    ]);
  });

  it("configures Google: its issuer, OpenID scopes, the client", () => {
    const g = config(GOOGLE, "google");
    expect(g).toMatchObject({ type: "oidc", issuer: "https://accounts.google.com", clientId: "google-client", clientSecret: "google-secret" });
    expect(g.authorization?.params?.scope).toBe("openid profile email");
  });

  it("configures Entra ID single-tenant with the tenant's issuer, multi-tenant with /common", () => {
    const single = config({ ...ENTRA, AUTH_MICROSOFT_ENTRA_ID_TENANT: "0b6f6f5e-1111-2222-3333-444455556666" }, "microsoft-entra-id");
    expect(single).toMatchObject({ type: "oidc", issuer: "https://login.microsoftonline.com/0b6f6f5e-1111-2222-3333-444455556666/v2.0", clientId: "entra-client" });
    // No Graph scope: the app reads no photo or directory data.
    expect(single.authorization?.params?.scope).toBe("openid profile email");
    expect(config(ENTRA, "microsoft-entra-id").issuer).toBe("https://login.microsoftonline.com/common/v2.0");
    expect(entraIssuer("organizations")).toBe("https://login.microsoftonline.com/organizations/v2.0");
  });

  it("configures the generic provider from its issuer (trailing slash dropped), with PKCE and state", () => {
    expect(config(OIDC, "oidc")).toMatchObject({ type: "oidc", name: "Acme SSO", issuer: "https://sso.acme.test/realms/acme", clientId: "oidc-client", checks: ["pkce", "state"] });
  });

  it("links by address only through the app's own check: LinkedIn never", () => {
    expect(config(LINKEDIN, "linkedin").allowDangerousEmailAccountLinking).toBeFalsy();
  });
});

describe("whether a provider vouches for the address", () => {
  it("reads email_verified for OpenID Connect providers, and nothing else", () => {
    expect(providerVerifiedEmail("oidc", { email: "a@acme.test", email_verified: true })).toBe(true);
    expect(providerVerifiedEmail("google", { email: "a@acme.test", email_verified: false })).toBe(false);
    expect(providerVerifiedEmail("oidc", { email: "a@acme.test" })).toBe(false);
    expect(providerVerifiedEmail("oidc", { email_verified: true })).toBe(false);
    expect(providerVerifiedEmail("google", { email: "a@acme.test", xms_edov: true })).toBe(false);
  });

  it("accepts Entra's xms_edov (email domain owner verified) in place of email_verified", () => {
    expect(providerVerifiedEmail("microsoft-entra-id", { email: "a@acme.test" })).toBe(false);
    expect(providerVerifiedEmail("microsoft-entra-id", { email: "a@acme.test", xms_edov: true })).toBe(true);
    expect(providerVerifiedEmail("microsoft-entra-id", { email: "a@acme.test", xms_edov: false })).toBe(false);
  });

  it("maps a profile to the new account's fields, the address lower-cased", async () => {
    const p = config(OIDC, "oidc") as unknown as { profile: (c: Record<string, unknown>) => unknown };
    expect(await p.profile({ sub: "abc", name: "Ana", email: "Ana@Acme.test", email_verified: true })).toEqual({ id: "abc", name: "Ana", email: "ana@acme.test", image: null, proved: true });
  });
});
