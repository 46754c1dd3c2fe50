// CPU time of a process from Linux's /proc, for the benchmark scripts (scripts/bench.ts, scripts/dashboard-page-timing.ts).
import fs from "node:fs";

/** CPU seconds (user + system: utime and stime of /proc/<pid>/stat, at 100 Hz) used so far by `pid`; 0 when it is gone or there is no /proc. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // After the command name in parentheses (which may itself hold spaces): state is field 0, utime 11, stime 12.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Whether `pid` is a PostgreSQL server process (its command name in /proc/<pid>/stat is "postgres"). */
export function isPostgresProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes("(postgres)");
  } catch {
    return false;
  }
}
