import { z } from "zod";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL, e.g. postgres://user:pass@host:5432/db");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: postgresUrl.optional(),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    DATA_DIR: z.string().min(1).default(".data"),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    // The in-process cache of team figures and rendered boards (db/queries/cache.ts), in MiB of serialised size.
    CACHE_MAX_MB: z.coerce.number().int().min(1).max(16384).default(32),
    // The rendered boards and dashboards served in front of Next (server/page-cache.mjs), in MiB; 0 turns it off.
    PAGE_CACHE_MAX_MB: z.coerce.number().int().min(0).max(16384).default(32),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 32)").optional(),
    AUTH_URL: z
      .url("must be the app's public URL, e.g. https://ssi.example.com")
      .regex(/^https?:\/\//i, "must be the app's public http(s) URL, e.g. https://ssi.example.com")
      .optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587")
      .optional(),
    MAIL_FROM: z.string().min(3).default("SSI Leaderboard <no-reply@localhost>"),
    AUTH_LINKEDIN_ID: z.string().min(1).optional(),
    AUTH_LINKEDIN_SECRET: z.string().min(1).optional(),
    // Single sign-on (lib/auth/providers.ts): each provider is on when its variables are set, all of them.
    AUTH_GOOGLE_ID: z.string().min(1).optional(),
    AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
    AUTH_MICROSOFT_ENTRA_ID_ID: z.string().min(1).optional(),
    AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().min(1).optional(),
    AUTH_MICROSOFT_ENTRA_ID_TENANT: z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,100}$/, "must be a tenant id (a GUID), a tenant domain, or common / organizations")
      .optional(),
    AUTH_OIDC_ISSUER: z.url("must be the provider's issuer URL, e.g. https://login.example.com/realms/acme").regex(/^https?:\/\//i, "must be an http(s) URL").optional(),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).max(40, "must be at most 40 characters").optional(),
    // off: no passwords anywhere (sign-in through the identity provider or an emailed link only).
    AUTH_PASSWORD: z.enum(["on", "off"], "must be on or off").default("on"),
    // Who may create an account (lib/auth/signup-policy.ts).
    AUTH_SIGNUP: z.enum(["open", "invite-only", "domains"], "must be open, invite-only or domains").default("open"),
    AUTH_SIGNUP_DOMAINS: z
      .string()
      .transform((v) => v.split(",").map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, "must be a comma-separated list of domains, e.g. acme.com,acme.de")))
      .optional(),
    // Origins a team channel's webhook may point at besides Slack's and Teams' hosts (tests, self-hosted gateways).
    CHANNEL_WEBHOOK_ALLOWED_ORIGINS: z.string().optional(),
    CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    // GET /api/metrics answers only with `Authorization: Bearer $METRICS_TOKEN`; 404 while unset.
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (generate one with: openssl rand -hex 24)").optional(),
    // How the client address for rate limits is read from X-Forwarded-For: see lib/client-ip.ts.
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|[0-9])$/i, "must be false, true, or the number of proxies in front of the app (1-9)")
      .default("false")
      .transform((v): TrustProxy => (/^true$/i.test(v) ? "all" : /^false$/i.test(v) ? 0 : Number(v))),
  })
  .superRefine((e, ctx) => {
    // A provider with some of its variables set is a mistake: say which one is missing rather than hide a button.
    for (const group of PROVIDER_VARIABLES) {
      const set = group.filter((k) => e[k] !== undefined);
      if (set.length === 0 || set.length === group.length) continue;
      for (const missing of group.filter((k) => e[k] === undefined)) {
        ctx.addIssue({ code: "custom", path: [missing], message: `is required with ${set.join(" and ")}: ${group.join(", ")} must be set together` });
      }
    }
    if (e.AUTH_PASSWORD === "off" && !e.SMTP_URL && PROVIDER_VARIABLES.every((g) => g.some((k) => e[k] === undefined))) {
      ctx.addIssue({ code: "custom", path: ["AUTH_PASSWORD"], message: "off needs another way to sign in: configure a sign-in provider (or SMTP_URL for sign-in links)" });
    }
    if (e.AUTH_SIGNUP === "domains" && !e.AUTH_SIGNUP_DOMAINS?.length) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SIGNUP_DOMAINS"], message: "is required with AUTH_SIGNUP=domains: the comma-separated domains whose addresses may sign up, e.g. acme.com" });
    }
  });

/** The variables each sign-in provider needs, all together (the Entra tenant is optional: multi-tenant without it). */
const PROVIDER_VARIABLES = [
  ["AUTH_LINKEDIN_ID", "AUTH_LINKEDIN_SECRET"],
  ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
  ["AUTH_MICROSOFT_ENTRA_ID_ID", "AUTH_MICROSOFT_ENTRA_ID_SECRET"],
  ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET", "AUTH_OIDC_NAME"],
] as const;

/** 0: no proxy is trusted; n: n reverse proxies append to X-Forwarded-For; "all": the first entry is the client. */
export type TrustProxy = number | "all";

export type Env = z.infer<typeof envSchema>;

/** Thrown when the environment is invalid; the message names every offending variable. */
export class EnvError extends Error {
  name = "EnvError";
}

/** Parses an environment; empty strings count as unset, as in most .env files. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Which optional features are switched on by configuration. */
export function features(e: Env = env()) {
  return {
    smtp: !!e.SMTP_URL,
    magicLink: !!e.SMTP_URL,
    linkedin: !!(e.AUTH_LINKEDIN_ID && e.AUTH_LINKEDIN_SECRET),
    google: !!(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET),
    entra: !!(e.AUTH_MICROSOFT_ENTRA_ID_ID && e.AUTH_MICROSOFT_ENTRA_ID_SECRET),
    oidc: !!(e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_ID && e.AUTH_OIDC_SECRET && e.AUTH_OIDC_NAME),
    embeddedDb: !e.DATABASE_URL,
    password: e.AUTH_PASSWORD === "on",
  };
}

/**
 * Checks made when the server or the digest CLI starts (not at build time). A production deployment on
 * PostgreSQL must bring its own AUTH_SECRET, or sessions would not survive a restart nor work across instances,
 * and unsubscribe links signed by one process would not verify on another. A production deployment on
 * PostgreSQL or with SMTP serves other people: it must say its public URL (AUTH_URL), from which every link in
 * every email is built; only the embedded default falls back to http://localhost:PORT.
 */
export function assertStartupConfig(e: Env = env()): void {
  if (e.NODE_ENV !== "production") return;
  const lines: string[] = [];
  if (e.DATABASE_URL && !e.AUTH_SECRET) {
    lines.push("  AUTH_SECRET: is required in production with DATABASE_URL (generate one with: openssl rand -base64 32)");
  }
  if ((e.DATABASE_URL || e.SMTP_URL) && !e.AUTH_URL) {
    const why = e.DATABASE_URL ? "DATABASE_URL" : "SMTP_URL";
    lines.push(`  AUTH_URL: is required in production with ${why}: the app's public URL, e.g. https://ssi.example.com (every link in emails is built from it)`);
  }
  if (lines.length) throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
}
