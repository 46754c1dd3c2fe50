import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { TeamForm } from "@/components/team/team-form";
import { requireUser } from "@/lib/authz";
import { createTeamAction } from "./actions";

export const metadata: Metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  await requireUser("/new-team");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Create a team</h1>
        <p className="text-sm text-muted">You&apos;ll be its owner. Next, invite your teammates.</p>
      </div>
      <Card>
        <TeamForm action={createTeamAction} submitLabel="Create team" />
      </Card>
    </div>
  );
}
