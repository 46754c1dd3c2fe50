import type { OIDCConfig } from "next-auth/providers";
import Google from "next-auth/providers/google";
import LinkedIn from "next-auth/providers/linkedin";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import type { Env } from "@/lib/env";

/**
 * The single-sign-on providers this instance offers, from its environment (Auth.js's own providers; no OAuth code
 * of ours). Pure: the same environment gives the same list, in the order the buttons appear on sign-in, sign-up
 * and the account page.
 */
export type SsoProviderId = "oidc" | "microsoft-entra-id" | "google" | "linkedin";

export type SsoProvider = { id: SsoProviderId; name: string };

/** What every SSO provider's profile becomes: the user Auth.js creates, plus whether the provider vouches for the address. */
export type SsoUser = { id: string; name: string | null; email: string | null; image: string | null; proved: boolean };

type Claims = Record<string, unknown>;
const isTrue = (v: unknown) => v === true || v === "true";

/**
 * Whether the provider asserts that the person receives mail at the address it sent. OpenID Connect's
 * `email_verified` claim for Google, LinkedIn and the generic provider. Microsoft Entra ID does not send
 * `email_verified` for work accounts; its documented equivalent is the optional ID-token claim `xms_edov`
 * ("email domain owner verified": the tenant has verified the address's domain), which the app registration
 * must add under Token configuration. Without it, an Entra address counts as unproved.
 */
export function providerVerifiedEmail(id: SsoProviderId, claims: Claims): boolean {
  if (typeof claims.email !== "string" || claims.email === "") return false;
  if (id === "microsoft-entra-id") return isTrue(claims.email_verified) || isTrue(claims.xms_edov);
  return isTrue(claims.email_verified);
}

function ssoUser(id: SsoProviderId, claims: Claims, image?: string | null): SsoUser {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
  return {
    id: String(claims.sub),
    name: typeof claims.name === "string" ? claims.name : null,
    email,
    image: image ?? (typeof claims.picture === "string" ? claims.picture : null),
    proved: providerVerifiedEmail(id, claims),
  };
}

/** The Entra issuer for a tenant: one organisation's id or domain, or `common` / `organizations` for multi-tenant. */
export function entraIssuer(tenant: string | undefined): string {
  return `https://login.microsoftonline.com/${tenant ?? "common"}/v2.0`;
}

const SCOPES = "openid profile email";

/** The enabled SSO providers' Auth.js configurations, in button order. */
export function ssoProviderConfigs(e: Env): OIDCConfig<Claims>[] {
  const list: OIDCConfig<Claims>[] = [];
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET && e.AUTH_OIDC_NAME) {
    list.push({
      id: "oidc",
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER.replace(/\/$/, ""),
      clientId: e.AUTH_OIDC_ID,
      clientSecret: e.AUTH_OIDC_SECRET,
      authorization: { params: { scope: SCOPES } },
      checks: ["pkce", "state"],
      // Linking by address is decided by the app's signIn callback (server/auth/sign-in-gate.ts), never by this flag alone.
      allowDangerousEmailAccountLinking: true,
      profile: (claims) => ssoUser("oidc", claims),
    });
  }
  if (e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
    const entra = MicrosoftEntraID({
      clientId: e.AUTH_MICROSOFT_ENTRA_ID_ID,
      clientSecret: e.AUTH_MICROSOFT_ENTRA_ID_SECRET,
      issuer: entraIssuer(e.AUTH_MICROSOFT_ENTRA_ID_TENANT),
      authorization: { params: { scope: SCOPES } },
      allowDangerousEmailAccountLinking: true,
      // No photo request to Microsoft Graph (Auth.js's default asks for User.Read and fetches one per sign-in).
      profile: (claims) => ssoUser("microsoft-entra-id", claims as unknown as Claims),
    }) as unknown as OIDCConfig<Claims>;
    list.push({ ...entra, name: "Microsoft" });
  }
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) {
    list.push(
      Google({
        clientId: e.AUTH_GOOGLE_ID,
        clientSecret: e.AUTH_GOOGLE_SECRET,
        authorization: { params: { scope: SCOPES } },
        allowDangerousEmailAccountLinking: true,
        profile: (claims) => ssoUser("google", claims as unknown as Claims),
      }) as unknown as OIDCConfig<Claims>,
    );
  }
  if (e.AUTH_LINKEDIN_ID && e.AUTH_LINKEDIN_SECRET) {
    // LinkedIn never joins an existing account by address (no allowDangerousEmailAccountLinking): link it from /account.
    list.push(
      LinkedIn({
        clientId: e.AUTH_LINKEDIN_ID,
        clientSecret: e.AUTH_LINKEDIN_SECRET,
        profile: (claims) => ssoUser("linkedin", claims as Claims),
      }) as unknown as OIDCConfig<Claims>,
    );
  }
  return list;
}

/** The enabled SSO providers as buttons: id and display name, in order. */
export function ssoProviders(e: Env): SsoProvider[] {
  return ssoProviderConfigs(e).map((p) => ({ id: p.id as SsoProviderId, name: p.name }));
}

/** The display name of a provider id (for the account page's list of linked methods); the id itself when unknown. */
export function providerName(e: Env, id: string): string {
  return ssoProviders(e).find((p) => p.id === id)?.name ?? (id === "linkedin" ? "LinkedIn" : id);
}
