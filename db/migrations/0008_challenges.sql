CREATE TYPE "public"."challenge_kind" AS ENUM('improved', 'race', 'versus');--> statement-breakpoint
CREATE TABLE "challenge_participants" (
	"challenge_id" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "challenge_participants_challenge_id_user_id_pk" PRIMARY KEY("challenge_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_teams" (
	"challenge_id" text NOT NULL,
	"team_id" text NOT NULL,
	CONSTRAINT "challenge_teams_challenge_id_team_id_pk" PRIMARY KEY("challenge_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" "challenge_kind" NOT NULL,
	"metric" text DEFAULT 'total' NOT NULL,
	"target" numeric(6, 3),
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"all_members" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenges_dates_check" CHECK ("challenges"."ends_on" >= "challenges"."starts_on"),
	CONSTRAINT "challenges_metric_check" CHECK ("challenges"."metric" in ('total', 'brand', 'people', 'insights', 'relationships')),
	CONSTRAINT "challenges_target_check" CHECK (("challenges"."kind" = 'race') = ("challenges"."target" is not null) and ("challenges"."target" is null or "challenges"."target" between 0 and case when "challenges"."metric" = 'total' then 100 else 25 end))
);
--> statement-breakpoint
ALTER TABLE "challenge_participants" ADD CONSTRAINT "challenge_participants_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_participants" ADD CONSTRAINT "challenge_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_teams" ADD CONSTRAINT "challenge_teams_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_teams" ADD CONSTRAINT "challenge_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_teams_team_idx" ON "challenge_teams" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "challenges_team_idx" ON "challenges" USING btree ("team_id","ends_on");