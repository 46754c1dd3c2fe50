import { Card } from "@/components/ui/card";
import { LeaveTeamForm } from "@/components/team/danger-forms";
import type { MemberActionState } from "@/lib/validation/team";
import type { TeamSettings } from "@/db/queries/teams";
import type { FormAction } from "@/lib/validation/action-state";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * A member's view of the team's rules and the way out of it. Members have no Settings page (it answers 404, as for
 * an outsider): what they need from it, how the team counts weeks and the "Leave team" button, is here.
 */
export function MembershipCard({
  team,
  leave,
}: {
  team: Pick<TeamSettings, "name" | "timeZone" | "weekStart" | "staleDays" | "digestDay" | "digestHour">;
  leave: FormAction<MemberActionState>;
}) {
  return (
    <Card aria-labelledby="membership-heading">
      <h2 id="membership-heading" className="mb-3 text-lg font-semibold">
        Your membership of {team.name}
      </h2>
      <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-2">
        <div><dt className="text-muted">Time zone</dt><dd className="font-medium">{team.timeZone.replaceAll("_", " ")}</dd></div>
        <div><dt className="text-muted">Weeks start on</dt><dd className="font-medium">{DAYS[team.weekStart - 1]}</dd></div>
        <div><dt className="text-muted">Scores stop counting after</dt><dd className="font-medium">{team.staleDays} days</dd></div>
        <div>
          <dt className="text-muted">Weekly digest</dt>
          <dd className="font-medium">{DAYS[team.digestDay - 1]} at {String(team.digestHour).padStart(2, "0")}:00</dd>
        </div>
      </dl>
      <p className="mb-3 text-sm text-muted">Leaving the team keeps your scores yours; they stay visible to your other teams.</p>
      <LeaveTeamForm action={leave} teamName={team.name} />
    </Card>
  );
}
