import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/authz";

export const metadata: Metadata = { title: "Your teams" };

export default async function TeamsPage() {
  const user = await requireUser("/teams");
  const firstName = (user.name ?? "").split(" ")[0] || "there";
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Welcome, {firstName}</h1>
        <p className="text-sm text-muted">Your teams and where you stand in each.</p>
      </div>
      <Card className="flex flex-col items-center gap-3 py-12 text-center">
        <span aria-hidden className="text-4xl">🏁</span>
        <h2 className="text-lg font-semibold">You&apos;re not in a team yet</h2>
        <p className="max-w-md text-sm text-muted">
          Open the invitation link your manager sent you to join your team&apos;s leaderboard.
        </p>
      </Card>
    </div>
  );
}
