// A real OpenID Connect provider for the end-to-end tests (the certified `oidc-provider` package, a dev
// dependency), run inside the Playwright worker on the port the spec gives it: the app's generic provider is
// configured to it, and the whole redirect flow (authorization code, PKCE, state, ID token) runs for real. Its
// people are the spec's: `addPerson(login, claims)`; its own dev login page signs in any of them (any password).
import http from "node:http";
import Provider from "oidc-provider";

export type IdpClaims = { email: string; email_verified: boolean; name: string };

export type Idp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  addPerson: (login: string, claims: IdpClaims) => void;
  stop: () => Promise<void>;
};

/** Starts the provider; `redirectUris` are the app servers' callback URLs (…/api/auth/callback/oidc). */
export async function startIdp(port: number, redirectUris: string[]): Promise<Idp> {
  const issuer = `http://127.0.0.1:${port}`;
  const people = new Map<string, IdpClaims>();
  const clientId = "ssi-leaderboard-e2e";
  const clientSecret = "e2e-client-secret-e2e-client-secret";
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The claims ride in the ID token, which is what Auth.js reads for an OIDC provider.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-idp-cookie-key-e2e-idp-cookie-key"] },
    async findAccount(_ctx, sub) {
      const claims = people.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  });
  provider.on("grant.error", (_ctx: unknown, err: { error_detail?: string; message?: string }) => console.log("[idp] grant.error", err.error_detail ?? err.message));
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    addPerson: (login, claims) => people.set(login, claims),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
