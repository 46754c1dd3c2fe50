ALTER TABLE "teams" ADD COLUMN "data_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Bumps the data version of the given teams. The rows are locked in id order first, so two transactions that
-- touch the same teams queue up instead of deadlocking. NO KEY UPDATE (what an UPDATE of a non-key column
-- takes anyway) does not conflict with the KEY SHARE locks that foreign keys to teams take: two people joining
-- the same team at once each hold one of those when their membership's trigger runs.
CREATE FUNCTION "bump_team_data_versions"(team_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM teams WHERE id = ANY(team_ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE teams SET data_version = data_version + 1 WHERE id = ANY(team_ids);
END $$;
--> statement-breakpoint
-- Snapshots belong to a person: every team the person is in shows them. Once per statement (a bulk import or a
-- COPY bumps each team once), from the statement's transition table "changed".
CREATE FUNCTION "snapshots_bump_team_data"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_team_data_versions(ARRAY(
    SELECT DISTINCT m.team_id FROM memberships m WHERE m.user_id IN (SELECT DISTINCT c.user_id FROM changed c)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "snapshots_insert_bumps_teams" AFTER INSERT ON "snapshots" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION snapshots_bump_team_data();
--> statement-breakpoint
CREATE TRIGGER "snapshots_update_bumps_teams" AFTER UPDATE ON "snapshots" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION snapshots_bump_team_data();
--> statement-breakpoint
CREATE TRIGGER "snapshots_delete_bumps_teams" AFTER DELETE ON "snapshots" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION snapshots_bump_team_data();
--> statement-breakpoint
CREATE FUNCTION "memberships_bump_team_data"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_team_data_versions(ARRAY(SELECT DISTINCT c.team_id FROM changed c));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "memberships_insert_bumps_teams" AFTER INSERT ON "memberships" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION memberships_bump_team_data();
--> statement-breakpoint
CREATE TRIGGER "memberships_update_bumps_teams" AFTER UPDATE ON "memberships" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION memberships_bump_team_data();
--> statement-breakpoint
CREATE TRIGGER "memberships_delete_bumps_teams" AFTER DELETE ON "memberships" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION memberships_bump_team_data();
--> statement-breakpoint
-- A member's name, email or privacy setting shows on the boards of their teams.
CREATE FUNCTION "users_bump_team_data"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_team_data_versions(ARRAY(
    SELECT DISTINCT m.team_id FROM memberships m JOIN changed c ON c.id = m.user_id
    JOIN before_change b ON b.id = c.id
    WHERE c.name IS DISTINCT FROM b.name OR c.email IS DISTINCT FROM b.email OR c.hide_components IS DISTINCT FROM b.hide_components));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_update_bumps_teams" AFTER UPDATE ON "users" REFERENCING OLD TABLE AS before_change NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION users_bump_team_data();
