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
-- A transaction-scoped advisory lock per person, taken shared by a snapshot write (after its team locks) and
-- exclusive by a membership change (after the team lock its caller takes first). So a snapshot written while its
-- person joins a team either reads the membership (the join committed first) or is read by the join's trigger (the
-- join waits for it): without it, neither would see the other, and the team would keep a week without that score.
-- Advisory, not a lock on the users row: profile updates lock that row before their team locks, and would deadlock
-- against a snapshot write's team-then-person order.
CREATE FUNCTION "lock_people"(people text[], exclusive boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k bigint;
BEGIN
  FOR k IN SELECT DISTINCT hashtextextended('ssi-person:' || p, 0) FROM unnest(people) p ORDER BY 1 LOOP
    IF exclusive THEN PERFORM pg_advisory_xact_lock(k); ELSE PERFORM pg_advisory_xact_lock_shared(k); END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- As in 0005, plus: the kept dashboard weeks that can see the changed dates are forgotten, and teams the people
-- joined while this ran (visible once their person lock is held) are bumped and forgotten too.
CREATE OR REPLACE FUNCTION "snapshots_bump_team_data"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  people text[];
  team_ids text[];
  joined text[];
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
  team_ids := ARRAY(SELECT DISTINCT m.team_id FROM memberships m WHERE m.user_id = ANY(people));
  PERFORM bump_team_data_versions(team_ids);
  PERFORM lock_people(people, false);
  joined := ARRAY(SELECT DISTINCT m.team_id FROM memberships m WHERE m.user_id = ANY(people) AND m.team_id <> ALL(team_ids));
  IF cardinality(joined) > 0 THEN
    PERFORM bump_team_data_versions(joined);
    team_ids := team_ids || joined;
  END IF;
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
-- first snapshot to the reach of their last; a person with no snapshots changes none. Their snapshots are read
-- under the person lock (see lock_people). A role change alters no figure and forgets nothing.
CREATE OR REPLACE FUNCTION "memberships_bump_team_data"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_team_data_versions(ARRAY(SELECT DISTINCT c.team_id FROM changed c));
  IF TG_OP <> 'UPDATE' THEN
    PERFORM lock_people(ARRAY(SELECT c.user_id FROM changed c), true);
    DELETE FROM team_week_figures k
    USING (SELECT c.team_id, min(f.first_on) AS lo, max(f.last_on) AS hi
           FROM changed c CROSS JOIN LATERAL (
             SELECT min(s.measured_on) AS first_on, max(s.measured_on) AS last_on FROM snapshots s WHERE s.user_id = c.user_id) f
           GROUP BY c.team_id) r
    WHERE k.team_id = r.team_id AND k.week_start >= r.lo - 6 AND k.week_start <= r.hi + greatest(14, k.stale_days - 6);
  END IF;
  RETURN NULL;
END $$;
