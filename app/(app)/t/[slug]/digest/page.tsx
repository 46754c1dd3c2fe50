import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/select-field";
import { MessageView } from "@/components/mail/message-view";
import { previewMemberDigest } from "@/server/digest/run";
import { listMembers } from "@/db/queries/teams";
import { requireTeamRole } from "@/lib/authz";
import { weekLabel } from "@/lib/format";
import { publicOrigin } from "@/lib/mail/origin";

export const metadata: Metadata = { title: "Digest preview" };

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** A manager reads any member's weekly digest for the last completed week, exactly as it would be sent (nothing is sent). */
export default async function DigestPreviewPage({ params, searchParams }: PageProps<"/t/[slug]/digest">) {
  const { slug } = await params;
  const { access, team } = await requireTeamRole(slug, "manager");
  const members = await listMembers(access);
  const raw = (await searchParams).member;
  const memberId = typeof raw === "string" && members.some((m) => m.userId === raw) ? raw : access.userId;
  const preview = await previewMemberDigest(access, memberId, { now: new Date(), origin: publicOrigin() });

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Digest preview</h1>
        <p className="text-sm text-muted">
          Every member gets a weekly digest on {DAYS[team.digestDay - 1]} at {String(team.digestHour).padStart(2, "0")}:00 ({team.timeZone.replaceAll("_", " ")}).
          Pick someone to read theirs for the last completed week. Nothing is sent from this page.
        </p>
      </div>
      <Card>
        <form method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <SelectField label="Member" name="member" defaultValue={memberId} className="sm:w-80">
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {(m.name ?? m.email) + (m.userId === access.userId ? " (you)" : "")}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">Show digest</Button>
        </form>
      </Card>
      {preview ? (
        <Card>
          <MessageView
            subject={preview.subject}
            to={preview.recipient.email}
            html={preview.html}
            text={preview.text}
            meta={
              <>
                Week of {weekLabel(preview.week)}
                {preview.recipient.digestEnabled ? "" : " · this person has turned the digest off, so it will not be sent to them"}
              </>
            }
          />
        </Card>
      ) : null}
    </div>
  );
}
