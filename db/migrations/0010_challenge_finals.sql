CREATE TABLE "challenge_finals" (
	"challenge_id" text NOT NULL,
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"joiner" boolean NOT NULL,
	"base_on" date,
	"base_value" numeric(6, 3),
	"cur_on" date,
	"cur_value" numeric(6, 3),
	"reached_on" date,
	CONSTRAINT "challenge_finals_challenge_id_team_id_user_id_pk" PRIMARY KEY("challenge_id","team_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "final_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "challenge_finals" ADD CONSTRAINT "challenge_finals_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_finals" ADD CONSTRAINT "challenge_finals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_finals" ADD CONSTRAINT "challenge_finals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;