import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { PrevNextLinks } from "@/components/ui/page-links";
import { BulkInviteForm } from "@/components/team/bulk-invite-form";
import { InviteForm } from "@/components/team/invite-form";
import { MemberButton, RoleForm } from "@/components/team/member-actions";
import { listTeamAudit } from "@/db/queries/audit";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listMembers } from "@/db/queries/teams";
import { requireTeamRole } from "@/lib/authz";
import { daysBetween, freshnessLabel, todayInZone } from "@/lib/dates";
import { MEMBERS_PER_PAGE, memberListPage, parseMemberListParams } from "@/lib/member-list";
import { bulkInviteAction, changeRoleAction, inviteAction, removeMemberAction, revokeInvitationAction, transferOwnershipAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

const ROLE = { owner: "Owner", manager: "Manager", member: "Member" } as const;

export default async function MembersPage({ params, searchParams }: PageProps<"/t/[slug]/members">) {
  const { slug } = await params;
  const { access, team } = await requireTeamRole(slug, "manager");
  const [members, invites, audit] = await Promise.all([listMembers(access), listPendingInvitations(access), listTeamAudit(access, 20)]);
  const today = todayInZone(team.timeZone);
  const isOwner = access.role === "owner";
  const bind = <A extends unknown[], R>(fn: (slug: string, ...a: A) => R) => fn.bind(null, team.slug) as (...a: A) => R;
  // Bound once for the whole list, not per row: each bound copy is serialized, and its argument encoded for each
  // form, on its own, so a large team's page grew by megabytes (docs/PERFORMANCE.md).
  const changeRole = bind(changeRoleAction);
  const transferOwnership = bind(transferOwnershipAction);
  const removeMember = bind(removeMemberAction);
  const revokeInvitation = bind(revokeInvitationAction);
  const query = await searchParams;
  const created = query.created === "1";
  const { q, page: requestedPage } = parseMemberListParams(query);
  const list = memberListPage(members, q, requestedPage);
  const listHref = (page: number) => {
    const p = new URLSearchParams();
    if (q) p.set("q", q);
    if (page > 1) p.set("page", String(page));
    const qs = p.toString();
    return `/t/${team.slug}/members${qs ? `?${qs}` : ""}#members-heading`;
  };
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Members</h1>
      {created ? <Alert tone="success" title="Your team is ready">Invite your teammates below: create a join link to share, or invite people by email.</Alert> : null}

      <Card aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="mb-1 text-lg font-semibold">Invite people</h2>
        <p className="mb-4 text-sm text-muted">Invitations expire. An email invitation works once, for that address only.</p>
        <InviteForm action={bind(inviteAction)} />
        {invites.length ? (
          <div className="mt-6">
            <h3 className="mb-2 text-sm font-semibold">Pending invitations</h3>
            <ul className="divide-y divide-line rounded-md border border-line">
              {invites.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm" data-testid="pending-invite">
                  <span>
                    <span className="font-medium">{i.email ?? "Join link"}</span> · {ROLE[i.role]} ·{" "}
                    <span className="text-muted">expires {i.expiresAt.toISOString().slice(0, 10)}</span>
                  </span>
                  <form action={revokeInvitation}>
                    <input type="hidden" name="id" value={i.id} />
                    <ConfirmButton variant="ghost-danger" className="min-h-8 px-3 py-1" confirm="Revoke this invitation? The link will stop working.">
                      Revoke<span className="sr-only"> invitation {i.email ?? "join link"}</span>
                    </ConfirmButton>
                  </form>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>

      <Card aria-labelledby="bulk-invite-heading">
        <h2 id="bulk-invite-heading" className="mb-1 text-lg font-semibold">Invite a whole team</h2>
        <p className="mb-4 text-sm text-muted">Paste many addresses or upload a list; you see who is new before anything is sent.</p>
        <BulkInviteForm action={bind(bulkInviteAction)} />
      </Card>

      <Card aria-labelledby="members-heading" flush>
        <h2 id="members-heading" className="px-4 pt-4 text-lg font-semibold sm:px-6 sm:pt-6">
          {members.length} {members.length === 1 ? "member" : "members"}
        </h2>
        {members.length > 20 ? (
          <form role="search" aria-label="Find a member" action={`/t/${team.slug}/members`} className="mt-3 flex flex-wrap items-end gap-2 px-4 sm:px-6">
            <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
              <span className="font-medium">Find a member</span>
              <input type="search" name="q" defaultValue={q} maxLength={100} placeholder="Name or email" className="min-h-10 rounded-md border border-line bg-surface px-3" />
            </label>
            <button type="submit" className="min-h-10 rounded-md border border-line bg-surface px-4 text-sm font-semibold hover:bg-raised">
              Search
            </button>
            {q ? (
              <a href={`/t/${team.slug}/members#members-heading`} className="inline-flex min-h-10 items-center px-2 text-sm">
                Show everyone
              </a>
            ) : null}
          </form>
        ) : null}
        {q || list.pages > 1 ? (
          <p className="mt-3 px-4 text-sm text-muted sm:px-6" role="status" data-testid="member-range">
            {list.matching === 0
              ? `Nobody matches “${q}”.`
              : `${q ? `${list.matching.toLocaleString("en")} matching “${q}”: ` : ""}showing ${list.from}–${list.to} of ${list.matching.toLocaleString("en")}`}
            {list.pages > 1 ? ` · page ${list.page} of ${list.pages}` : ""}
          </p>
        ) : null}
        <ul className="mt-3 divide-y divide-line">
          {list.shown.map((m) => {
            const name = m.name ?? m.email;
            const self = m.userId === access.userId;
            const canEdit = !self && (isOwner || m.role !== "owner");
            return (
              <li key={m.userId} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:px-6" data-testid="member-row" data-member-name={name}>
                <div className="min-w-0 flex-1">
                  <p className="font-medium wrap-anywhere">
                    {name} {self ? <span className="text-xs text-muted">(you)</span> : null}
                  </p>
                  {/* Two lines, wrapped rather than cut: on a phone one line cut the last score short. */}
                  <p className="text-xs text-muted wrap-anywhere">{m.email}</p>
                  <p className="text-xs text-muted" data-testid="member-facts">
                    {ROLE[m.role]} · {m.lastMeasuredOn ? `last score ${freshnessLabel(daysBetween(m.lastMeasuredOn, today))}` : "no score yet"}
                  </p>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  {canEdit ? <RoleForm action={changeRole} userId={m.userId} name={name} role={m.role} canMakeOwner={isOwner} /> : null}
                  <Link href={`/t/${team.slug}/submit?for=${m.userId}`} className="inline-flex min-h-9 items-center px-3 text-sm">
                    Enter score<span className="sr-only"> for {name}</span>
                  </Link>
                  {isOwner && !self ? (
                    <MemberButton action={transferOwnership} userId={m.userId} name={name} label="Make owner" confirm={`Transfer ownership of ${team.name} to ${name}? You will become a manager.`} />
                  ) : null}
                  {canEdit ? (
                    <MemberButton action={removeMember} userId={m.userId} name={name} label="Remove" danger confirm={`Remove ${name} from ${team.name}? Their scores stay theirs.`} />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
        {list.pages > 1 ? (
          <nav aria-label="Member pages" className="flex flex-wrap justify-end gap-2 border-t border-line px-4 py-3 text-sm sm:px-6">
            <PrevNextLinks page={list.page} pages={list.pages} perPage={MEMBERS_PER_PAGE} href={listHref} />
          </nav>
        ) : null}
      </Card>

      <Card aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-3 text-lg font-semibold">Recent changes</h2>
        {audit.length === 0 ? (
          <p className="text-sm text-muted">Nothing yet.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {audit.map((a) => (
              <li key={a.id}>
                <span className="text-muted tabular-nums">{a.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span> · {a.actorName ?? "Someone"} · {a.action.replace(/[._]/g, " ")}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
