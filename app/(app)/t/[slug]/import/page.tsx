import type { Metadata } from "next";
import { ImportForm } from "@/components/dashboard/import-form";
import { requireTeamRole } from "@/lib/authz";
import { todayInZone } from "@/lib/dates";
import { importAction } from "./actions";

export const metadata: Metadata = { title: "Import scores" };

export default async function ImportPage({ params }: PageProps<"/t/[slug]/import">) {
  const { slug } = await params;
  const { team } = await requireTeamRole(slug, "manager");
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">Import scores</h1>
        <p className="text-sm text-muted">
          Upload a spreadsheet of scores for members of {team.name}: our own CSV export, Sales Navigator&apos;s usage report, or your own
          columns. You choose which column is which and see what every row does before anything is saved; importing the same file again
          changes nothing.
        </p>
      </div>
      <ImportForm action={importAction.bind(null, team.slug)} dashboardHref={`/t/${team.slug}/dashboard`} today={todayInZone(team.timeZone)} />
    </div>
  );
}
