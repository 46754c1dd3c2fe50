CREATE TABLE "team_week_figures" (
	"team_id" text NOT NULL,
	"week_start" date NOT NULL,
	"stale_days" smallint NOT NULL,
	"counted" integer NOT NULL,
	"average" double precision,
	"median" double precision,
	"industry_avg" double precision,
	"brand" double precision,
	"people" double precision,
	"insights" double precision,
	"relationships" double precision,
	"submitted" integer NOT NULL,
	"changes" double precision[] NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_week_figures_team_id_week_start_stale_days_pk" PRIMARY KEY("team_id","week_start","stale_days")
);
--> statement-breakpoint
ALTER TABLE "team_week_figures" ADD CONSTRAINT "team_week_figures_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Kept dashboard weeks (team_week_figures) whose figures can see a snapshot dated from lo to hi, for the given
-- teams. A week starting on ws shows: each member's latest score in [ws + 6 - stale_days, ws + 6], the scores
-- dated in [ws, ws + 6], and each member's change from [ws - 14, ws - 1] to [ws, ws + 6]. So a date d reaches the
-- weeks with ws + 6 >= d and ws <= d + greatest(14, stale_days - 6), each row by its own staleness window.
CREATE FUNCTION "forget_team_weeks"(team_ids text[], lo date, hi date) RETURNS void LANGUAGE sql AS $$
  DELETE FROM team_week_figures
  WHERE team_id = ANY(team_ids) AND week_start >= lo - 6 AND week_start <= hi + greatest(14, stale_days - 6);
$$;
--> statement-breakpoint
-- As in 0005, plus: the people's rows are share-locked first, so a membership change of theirs (which takes a
-- stronger lock on the same rows, migration 0012's memberships trigger) either commits before this reads their
-- teams, or waits for this transaction and then sees its snapshots. Without it a snapshot written while its person
-- joined a team would bump neither that team's version nor forget its kept weeks.
CREATE OR REPLACE FUNCTION "snapshots_bump_team_data"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  people text[];
  team_ids text[];
  lo date;
  hi date;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- An update could move a row to another date or person: the old values count too.
    SELECT array_agg(DISTINCT x.user_id), min(x.measured_on), max(x.measured_on) INTO people, lo, hi
    FROM (SELECT c.user_id, c.measured_on FROM changed c UNION ALL SELECT b.user_id, b.measured_on FROM before_change b) x;
  ELSE
    SELECT array_agg(DISTINCT c.user_id), min(c.measured_on), max(c.measured_on) INTO people, lo, hi FROM changed c;
  END IF;
  PERFORM 1 FROM users WHERE id = ANY(people) ORDER BY id FOR SHARE;
  team_ids := ARRAY(SELECT DISTINCT m.team_id FROM memberships m WHERE m.user_id = ANY(people));
  PERFORM bump_team_data_versions(team_ids);
  PERFORM forget_team_weeks(team_ids, lo, hi);
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "snapshots_update_bumps_teams" ON "snapshots";
--> statement-breakpoint
CREATE TRIGGER "snapshots_update_bumps_teams" AFTER UPDATE ON "snapshots" REFERENCING OLD TABLE AS before_change NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION snapshots_bump_team_data();
--> statement-breakpoint
-- As in 0005, plus: a member joining or leaving changes every kept week that can see one of their snapshots (the
-- trend counts today's members over the whole range), so those weeks are forgotten, from the week of the person's
-- first snapshot to the reach of their last; a person with no snapshots changes none. The people's rows are locked
-- first (see snapshots_bump_team_data). A role change alters no figure and forgets nothing.
CREATE OR REPLACE FUNCTION "memberships_bump_team_data"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    PERFORM 1 FROM users WHERE id IN (SELECT c.user_id FROM changed c) ORDER BY id FOR NO KEY UPDATE;
  END IF;
  PERFORM bump_team_data_versions(ARRAY(SELECT DISTINCT c.team_id FROM changed c));
  IF TG_OP <> 'UPDATE' THEN
    DELETE FROM team_week_figures k
    USING (SELECT c.team_id, min(f.first_on) AS lo, max(f.last_on) AS hi
           FROM changed c CROSS JOIN LATERAL (
             SELECT min(s.measured_on) AS first_on, max(s.measured_on) AS last_on FROM snapshots s WHERE s.user_id = c.user_id) f
           GROUP BY c.team_id) r
    WHERE k.team_id = r.team_id AND k.week_start >= r.lo - 6 AND k.week_start <= r.hi + greatest(14, k.stale_days - 6);
  END IF;
  RETURN NULL;
END $$;
