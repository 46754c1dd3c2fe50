-- Snapshots is a large, append-mostly table (≈ 10 M rows for 10,000 people over three years). The dashboard's
-- "who submitted this week" counts and the headline's "latest date per member" read only (user_id, measured_on)
-- and run as index-only scans on snapshots_user_date_key — but only over heap pages the visibility map marks
-- all-visible. With the default thresholds autovacuum visits an insert-only table after 20 % new rows (≈ 2 M:
-- months), so the recent weeks those queries read are never all-visible: measured 250 ms instead of 34 ms of
-- server CPU for a 1,000-member team (docs/PERFORMANCE.md). Vacuum after every 10,000 new rows (about a day of
-- submissions), and analyze often enough that the planner knows the newest dates.
ALTER TABLE "snapshots" SET (
  autovacuum_vacuum_insert_threshold = 10000,
  autovacuum_vacuum_insert_scale_factor = 0,
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_analyze_threshold = 10000,
  autovacuum_analyze_scale_factor = 0.01
);
