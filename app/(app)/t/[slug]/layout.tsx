import { TeamContext } from "@/components/team/team-context";
import { TeamNav } from "@/components/team/team-nav";
import { requireTeamRole } from "@/lib/authz";
import { hasRole } from "@/lib/team-access";

export default async function TeamLayout({ children, params }: LayoutProps<"/t/[slug]">) {
  const { slug } = await params;
  const { team, role } = await requireTeamRole(slug);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3">
        <TeamContext slug={team.slug} name={team.name} timeZone={team.timeZone} />
        <TeamNav slug={team.slug} canManage={hasRole(role, "manager")} />
      </div>
      {children}
    </div>
  );
}
