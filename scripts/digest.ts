// npm run digest [-- --team <slug>] [--week <YYYY-MM-DD>] [--dry-run]
// Enqueues the weekly digests that are due (or one team's digest for a given week) and delivers the outbox.
// For a system cron; safe to run next to the app and on many hosts: each team's week is produced once.
// On the embedded database, stop the app first (only one process may open it).
import { parseArgs } from "node:util";
import { installDatabase, openDatabase } from "../db/client";
import { findTeamForDigest } from "../db/queries/digest";
import { enqueueDueDigests, runTeamDigest, type DigestRunResult } from "../server/digest/run";
import { lastCompletedWeek, weekOf } from "../lib/digest/week";
import { isIsoDate } from "../lib/dates";
import { EnvError } from "../lib/env";
import { closeTransports, drainAll } from "../server/mail/sender";
import { publicOrigin } from "../lib/mail/origin";
import { prepareRuntimeEnv } from "../lib/runtime-env";

// Like `next start`, it runs as production unless NODE_ENV says otherwise, so that it validates its environment
// exactly as the server does (lib/runtime-env.ts). env() is read lazily, below.
(process.env as Record<string, string | undefined>).NODE_ENV ||= "production";

const { values } = parseArgs({
  options: { team: { type: "string" }, week: { type: "string" }, "dry-run": { type: "boolean", default: false }, help: { type: "boolean", default: false } },
});

if (values.help) {
  console.log(`Usage: npm run digest -- [--team <slug>] [--week <YYYY-MM-DD>] [--dry-run]

  (no options)   enqueue every team's digest that is due now, then deliver the outbox
  --team <slug>  only this team; without --week: its last completed week, even before its digest hour
  --week <date>  the week containing this date (needs --team)
  --dry-run      build the digests and print their subjects; store and send nothing`);
  process.exit(0);
}

function report(r: DigestRunResult) {
  const what = r.status === "already-done" ? "already produced for this week: nothing new" : `${r.recipients} emails ${r.status === "dry-run" ? "built (dry run)" : "enqueued"}`;
  console.log(`team ${r.teamId}, week of ${r.weekStart}: ${what}`);
  if (r.status === "dry-run") for (const e of r.emails) console.log(`  ${e.to}: ${e.subject}`);
}

let code = 0;
let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  // The same checks as the server: without them a digest could go out signed with a secret of its own (every
  // unsubscribe link "not valid") or with links to localhost.
  const e = prepareRuntimeEnv();
  if (values.week && (!values.team || !isIsoDate(values.week))) throw new EnvError("--week needs --team and a date written YYYY-MM-DD");
  handle = await openDatabase({ url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR });
  await handle.ready;
  installDatabase(handle);
  const origin = publicOrigin();
  if (values.team) {
    const team = await findTeamForDigest(values.team);
    if (!team) throw new EnvError(`No team with the slug "${values.team}".`);
    const week = values.week ? weekOf(values.week, team.weekStart) : lastCompletedWeek(team, new Date());
    report(await runTeamDigest(team.id, week, { origin, dryRun: values["dry-run"] }));
  } else if (values["dry-run"]) {
    console.log("--dry-run needs --team");
    code = 2;
  } else {
    const runs = await enqueueDueDigests(new Date(), { origin });
    if (runs.length === 0) console.log("No team digest is due.");
    runs.forEach(report);
  }
  if (!values["dry-run"] && code === 0) {
    const d = await drainAll({ limit: 200, maxRounds: 1000, concurrency: 4 });
    console.log(`outbox: ${d.sent} sent${e.SMTP_URL ? "" : " (to the in-app mail preview: SMTP_URL is not set)"}, ${d.retried} to retry, ${d.failed} failed`);
  }
} catch (err) {
  console.error(err instanceof EnvError || (err as Error).name === "DatabaseLockedError" ? (err as Error).message : err);
  code = 1;
} finally {
  closeTransports();
  installDatabase(undefined);
  await handle?.close();
}
process.exit(code);
