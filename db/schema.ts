import { sql } from "drizzle-orm";
import type { RecalibrationVerdict } from "@/lib/recalibration";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
/** An SSI component or total: up to three decimals, returned to JS as a number. */
const score = (name: string) => numeric(name, { precision: 6, scale: 3, mode: "number" });

// ---------------------------------------------------------------- Auth.js tables

export const users = pgTable(
  "users",
  {
    id: id(),
    name: text("name"),
    /** Always stored lower-cased; unique. */
    email: text("email").notNull(),
    /** When the person proved they receive mail at `email` (a link sent to it); null: unproved. See docs/SECURITY.md. */
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    passwordHash: text("password_hash"),
    /** Bumped to end every session of this person (password change, account deletion). */
    sessionVersion: integer("session_version").notNull().default(0),
    timeZone: text("time_zone"),
    /** Privacy: teammates see only the total; managers and owners still see the four components. */
    hideComponents: boolean("hide_components").notNull().default(false),
    /**
     * Notification preferences: the weekly digest (opt-out), the "no score this week" reminder (opt-in) and the
     * reminders a team's manager sends from the dashboard (opt-out).
     */
    digestEnabled: boolean("digest_enabled").notNull().default(true),
    remindersEnabled: boolean("reminders_enabled").notNull().default(false),
    /** Whether the person's name may appear in posts to their teams' Slack or Teams channels (else "a teammate"). */
    nameInChannels: boolean("name_in_channels").notNull().default(true),
    teamRemindersEnabled: boolean("team_reminders_enabled").notNull().default(true),
    /**
     * The instance's administrator: the first account created. Without SMTP it reads everyone's address-proof
     * links in the mail preview (it stands in for the mail server). At most one.
     */
    isAdmin: boolean("is_admin").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), uniqueIndex("users_one_admin_key").on(t.isAdmin).where(sql`${t.isAdmin}`)],
);

/**
 * A link sent to an address to prove that this account receives mail there: at sign-up (the account's own
 * address) and at an email change (the new address, which becomes the account's only when proved).
 */
export const emailProofs = pgTable(
  "email_proofs",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_proofs_token_key").on(t.tokenHash), index("email_proofs_user_idx").on(t.userId)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------- teams

export const roleEnum = pgEnum("team_role", ["member", "manager", "owner"]);
export type Role = (typeof roleEnum.enumValues)[number];

export const teams = pgTable(
  "teams",
  {
    id: id(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** ISO weekday the team's week starts on: 1 = Monday … 7 = Sunday. */
    weekStart: smallint("week_start").notNull().default(1),
    staleDays: smallint("stale_days").notNull().default(14),
    digestDay: smallint("digest_day").notNull().default(1),
    digestHour: smallint("digest_hour").notNull().default(8),
    /** SHA-256 of the secret read-only TV link's token; null when no TV link exists (or it was revoked). */
    tvTokenHash: text("tv_token_hash"),
    /**
     * Goes up whenever anything a board or dashboard shows for this team may have changed (a member's snapshot,
     * the membership, a member's name or privacy setting), in the same transaction, by triggers (migration
     * 0005). Cached boards are keyed by it (db/queries/cache.ts), so no write path can leave a stale one behind.
     */
    dataVersion: bigint("data_version", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("teams_slug_key").on(t.slug),
    uniqueIndex("teams_tv_token_key").on(t.tvTokenHash),
    check("teams_week_start_check", sql`${t.weekStart} between 1 and 7`),
    check("teams_digest_day_check", sql`${t.digestDay} between 1 and 7`),
    check("teams_digest_hour_check", sql`${t.digestHour} between 0 and 23`),
    check("teams_stale_days_check", sql`${t.staleDays} between 1 and 365`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull().default("member"),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    /** Null for a shareable join link, which many people may use until it expires. */
    email: text("email"),
    role: roleEnum("role").notNull().default("member"),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invitations_token_key").on(t.tokenHash), index("invitations_team_idx").on(t.teamId)],
);

// ---------------------------------------------------------------- SSI snapshots
// Autovacuum thresholds for this table are set in migration 0003_perf_indexes (Drizzle cannot express them).

export const snapshots = pgTable(
  "snapshots",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    brand: score("brand").notNull(),
    people: score("people").notNull(),
    insights: score("insights").notNull(),
    relationships: score("relationships").notNull(),
    total: score("total").notNull(),
    industryRank: score("industry_rank"),
    networkRank: score("network_rank"),
    industryAvg: score("industry_avg"),
    networkAvg: score("network_avg"),
    /** Set when a manager entered or corrected this snapshot for the person. */
    enteredBy: text("entered_by").references(() => users.id, { onDelete: "set null" }),
    source: text("source").notNull().default("form"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    // Serves "latest snapshot per person at or before a date" as an index-only descent.
    uniqueIndex("snapshots_user_date_key").on(t.userId, t.measuredOn),
    // Deleting a person sets entered_by to null on the scores they entered for others: without this index that
    // foreign-key action scans the whole table (minutes on 10 M rows). Partial: almost every row is self-entered.
    index("snapshots_entered_by_idx").on(t.enteredBy).where(sql`${t.enteredBy} is not null`),
    check(
      "snapshots_components_check",
      sql`${t.brand} between 0 and 25 and ${t.people} between 0 and 25 and ${t.insights} between 0 and 25 and ${t.relationships} between 0 and 25`,
    ),
    check("snapshots_total_check", sql`${t.total} between 0 and 100`),
    check(
      "snapshots_rank_check",
      sql`(${t.industryRank} is null or (${t.industryRank} > 0 and ${t.industryRank} <= 100)) and (${t.networkRank} is null or (${t.networkRank} > 0 and ${t.networkRank} <= 100))`,
    ),
    check("snapshots_measured_on_check", sql`${t.measuredOn} >= '2014-01-01'`),
  ],
);

// ---------------------------------------------------------------- audit log

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id").references(() => teams.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    subjectId: text("subject_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_team_idx").on(t.teamId, t.createdAt.desc())],
);

// ---------------------------------------------------------------- email outbox

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);

/**
 * Every email the app sends is written here first, in the transaction of the work that caused it; a sender
 * drains it (claims with FOR UPDATE SKIP LOCKED). `dedupeKey` makes enqueueing idempotent.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dedupeKey: text("dedupe_key").notNull(),
    /** digest | invitation | reminder | magic_link | channel_weekly | channel_highlights | channel_challenge | channel_test … */
    kind: text("kind").notNull(),
    /**
     * Where it goes: "email" (to_email over SMTP), or "slack" / "teams": a post to the team's connected channel,
     * whose webhook URL is read from team_channels at send time (never copied here); `text` then holds the JSON
     * body as posted, `subject` a one-line summary for the failure list, `to_email` and `html` are empty.
     */
    channel: text("channel").notNull().default("email"),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /**
     * The one-time token the body carries (invitation, sign-in or proof link), or null. The sender blanks it out
     * of the stored body once the message is handed to SMTP; without SMTP, once the token is used or withdrawn.
     */
    secret: text("secret"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    teamId: text("team_id").references(() => teams.id, { onDelete: "set null" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Set while a sender holds the message; a claim older than the lease is taken over (crashed sender). */
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    /** "smtp" or "preview" (embedded mode: kept for the in-app mail preview). */
    transport: text("transport"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key").on(t.dedupeKey),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_team_idx").on(t.teamId, t.createdAt.desc()),
  ],
);

// ---------------------------------------------------------------- team channels (Slack / Microsoft Teams)

/**
 * A team's incoming-webhook channel. The URL is a secret: only the channel sender reads it; pages show `urlHint`
 * (host and last characters). Deleted on disconnect and with the team.
 */
export const teamChannels = pgTable(
  "team_channels",
  {
    teamId: text("team_id")
      .primaryKey()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"slack" | "teams">().notNull(),
    webhookUrl: text("webhook_url").notNull(),
    urlHint: text("url_hint").notNull(),
    weeklyEnabled: boolean("weekly_enabled").notNull().default(true),
    highlightsEnabled: boolean("highlights_enabled").notNull().default(true),
    /** Set when the service refused a post with a 4xx (bad token, channel gone): no retries until reconnected. */
    brokenAt: timestamp("broken_at", { withTimezone: true, mode: "date" }),
    brokenReason: text("broken_reason"),
    connectedBy: text("connected_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [check("team_channels_kind_check", sql`${t.kind} in ('slack', 'teams')`)],
);

/**
 * Highlight events (a new #1, a personal best past 70/80/90, a goal reached), written in the transaction of the
 * snapshot that caused them and posted in batches: one post collects every event of a busy morning.
 */
export const channelHighlights = pgTable(
  "channel_highlights",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"new_leader" | "personal_best" | "goal_reached">().notNull(),
    /** The total that made it; for a personal best also the round number passed, for a goal its target. */
    total: score("total").notNull(),
    mark: score("mark"),
    /** One event, one post: e.g. `best:<team>:<user>:80`, once ever. */
    dedupeKey: text("dedupe_key").notNull(),
    /** Set when the event went into a post (the outbox row's dedupe key says which). */
    postedAt: timestamp("posted_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("channel_highlights_dedupe_key").on(t.dedupeKey),
    index("channel_highlights_pending_idx").on(t.teamId, t.createdAt).where(sql`${t.postedAt} is null`),
  ],
);

/** One row per team per week: whichever instance or trigger gets here first produces that week's digest. */
export const digestRuns = pgTable(
  "digest_runs",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    /** The first day of the team's week the digest reports on. */
    weekStart: date("week_start", { mode: "string" }).notNull(),
    recipients: integer("recipients").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.weekStart] })],
);

// ---------------------------------------------------------------- goals, tokens, limits

export const goals = pgTable("goals", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  targetTotal: score("target_total").notNull(),
  targetBrand: score("target_brand"),
  targetPeople: score("target_people"),
  targetInsights: score("target_insights"),
  targetRelationships: score("target_relationships"),
  targetDate: date("target_date", { mode: "string" }).notNull(),
  createdAt: createdAt(),
});

/** Personal access tokens for the API: shown once, stored as a SHA-256 hash. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_key").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Fixed-window counters for rate limits, shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
  count: integer("count").notNull().default(0),
});

// ---------------------------------------------------------------- challenges

export const challengeKindEnum = pgEnum("challenge_kind", ["improved", "race", "versus"]);

/**
 * A time-boxed competition hosted by a team (lib/challenges/rules.ts states the scoring). Dates are calendar
 * dates in the host team's time zone. Every team taking part has a challenge_teams row, the host included.
 */
export const challenges = pgTable(
  "challenges",
  {
    id: id(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: challengeKindEnum("kind").notNull(),
    /** "total" or one component. */
    metric: text("metric").notNull().default("total"),
    /** Race to a target only. */
    target: score("target"),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** Every member of the teams taking part (joiners included); otherwise the challenge_participants rows. */
    allMembers: boolean("all_members").notNull().default(true),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Raised by every edit: cached standings are keyed by it (with the teams' data versions). */
    revision: integer("revision").notNull().default(0),
    /** When the result was made final (challenge_finals holds it); null before. */
    finalAt: timestamp("final_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("challenges_team_idx").on(t.teamId, t.endsOn),
    check("challenges_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
    check("challenges_metric_check", sql`${t.metric} in ('total', 'brand', 'people', 'insights', 'relationships')`),
    check(
      "challenges_target_check",
      sql`(${t.kind} = 'race') = (${t.target} is not null) and (${t.target} is null or ${t.target} between 0 and case when ${t.metric} = 'total' then 100 else 25 end)`,
    ),
  ],
);

export const challengeTeams = pgTable(
  "challenge_teams",
  {
    challengeId: text("challenge_id")
      .notNull()
      .references(() => challenges.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.teamId] }), index("challenge_teams_team_idx").on(t.teamId)],
);

/** The chosen participants of a challenge that is not for every member. */
export const challengeParticipants = pgTable(
  "challenge_participants",
  {
    challengeId: text("challenge_id")
      .notNull()
      .references(() => challenges.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.userId] })],
);

/**
 * An ended challenge's final result: each participant's starting and last value as they stood when the result
 * was made final. Later edits of scores dated within the challenge, and people leaving the team, leave it as
 * it is; names and privacy settings are read when shown.
 */
export const challengeFinals = pgTable(
  "challenge_finals",
  {
    challengeId: text("challenge_id")
      .notNull()
      .references(() => challenges.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joiner: boolean("joiner").notNull(),
    baseOn: date("base_on", { mode: "string" }),
    baseValue: score("base_value"),
    curOn: date("cur_on", { mode: "string" }),
    curValue: score("cur_value"),
    reachedOn: date("reached_on", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.teamId, t.userId] })],
);

/** The column mapping a team's managers used for their last spreadsheet import, offered again next time. */
export const importMappings = pgTable("import_mappings", {
  teamId: text("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  /** `SavedMapping` (lib/import-mapping.ts): field → header name, and the order of day and month in dates. */
  mapping: jsonb("mapping").notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/**
 * The dashboard trend's figures of one completed team week (db/queries/dashboard-rollup.ts), computed once and
 * kept. The key is everything the figures depend on besides the data: the team, the week's first day (which also
 * fixes the week-start day: it is that date's weekday) and the staleness window. The current week is never kept.
 * Rows are deleted in the writing transaction by the triggers that raise the team's data version (migration
 * 0012), from the first week whose figures can see the changed date; so a kept row always equals the figures the
 * live query would compute. The values are raw (unrounded) aggregates, as the live query returns them.
 */
export const teamWeekFigures = pgTable(
  "team_week_figures",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    staleDays: smallint("stale_days").notNull(),
    counted: integer("counted").notNull(),
    average: doublePrecision("average"),
    median: doublePrecision("median"),
    industryAvg: doublePrecision("industry_avg"),
    brand: doublePrecision("brand"),
    people: doublePrecision("people"),
    insights: doublePrecision("insights"),
    relationships: doublePrecision("relationships"),
    submitted: integer("submitted").notNull(),
    /**
     * The recalibration check's verdict on the week (lib/recalibration.ts, from each member's change of total within
     * the week), kept instead of the ≈ one change per member it is judged from: a 52-week view read 50,000 numbers
     * to judge them again. A change to the rule in lib/recalibration.ts must come with a migration that empties this
     * table (as 0013 did), or kept weeks keep the old rule's verdicts.
     */
    recalibration: jsonb("recalibration").$type<RecalibrationVerdict>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.weekStart, t.staleDays] })],
);

// Row types for the queries' `Pick`s; the other tables' rows are typed by their selects.
export type User = typeof users.$inferSelect;
export type Snapshot = typeof snapshots.$inferSelect;
