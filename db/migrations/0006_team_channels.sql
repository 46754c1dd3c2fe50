CREATE TABLE "channel_highlights" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"total" numeric(6, 3) NOT NULL,
	"mark" numeric(6, 3),
	"dedupe_key" text NOT NULL,
	"posted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_channels" (
	"team_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"webhook_url" text NOT NULL,
	"url_hint" text NOT NULL,
	"weekly_enabled" boolean DEFAULT true NOT NULL,
	"highlights_enabled" boolean DEFAULT true NOT NULL,
	"broken_at" timestamp with time zone,
	"broken_reason" text,
	"connected_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_channels_kind_check" CHECK ("team_channels"."kind" in ('slack', 'teams'))
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "name_in_channels" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_highlights" ADD CONSTRAINT "channel_highlights_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_highlights" ADD CONSTRAINT "channel_highlights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_channels" ADD CONSTRAINT "team_channels_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_channels" ADD CONSTRAINT "team_channels_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_highlights_dedupe_key" ON "channel_highlights" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "channel_highlights_pending_idx" ON "channel_highlights" USING btree ("team_id","created_at") WHERE "channel_highlights"."posted_at" is null;