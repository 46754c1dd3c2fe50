ALTER TABLE "teams" ADD COLUMN "tv_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "teams_tv_token_key" ON "teams" USING btree ("tv_token_hash");