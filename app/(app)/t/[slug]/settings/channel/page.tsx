import type { Metadata } from "next";
import Link from "next/link";
import { ChannelButtons, ChannelOptionsForm, ConnectChannelForm } from "@/components/channel/channel-forms";
import { ChannelDeliveries } from "@/components/channel/channel-deliveries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getChannelStatus, listChannelDeliveries } from "@/db/queries/channels";
import { requireTeamRole } from "@/lib/authz";
import { CHANNEL_LABELS } from "@/lib/channels/url";
import { connectChannelAction, disconnectChannelAction, saveChannelOptionsAction, sendTestMessageAction } from "./actions";

export const metadata: Metadata = { title: "Team channel" };

const WHEN = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export default async function ChannelSettingsPage({ params }: PageProps<"/t/[slug]/settings/channel">) {
  const { slug } = await params;
  const { access, team } = await requireTeamRole(slug, "manager");
  const [channel, deliveries] = await Promise.all([getChannelStatus(access), listChannelDeliveries(access)]);
  const label = channel ? CHANNEL_LABELS[channel.kind] : null;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href={`/t/${team.slug}/settings`}>← Team settings</Link>
        </p>
        <h1 className="text-2xl font-bold">Team channel</h1>
        <p className="text-sm text-muted">Post the weekly summary and highlights to a Slack or Microsoft Teams channel, beside the emails.</p>
      </div>
      <Card aria-labelledby="channel-status-heading">
        <h2 id="channel-status-heading" className="mb-3 text-lg font-semibold">Connection</h2>
        {channel ? (
          <div className="flex flex-col gap-4">
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <div><dt className="text-muted">Service</dt><dd className="font-medium">{label}</dd></div>
              <div><dt className="text-muted">Webhook</dt><dd className="break-all font-mono text-xs font-medium">{channel.urlHint}</dd></div>
              <div><dt className="text-muted">Connected</dt><dd className="font-medium">{WHEN.format(channel.createdAt)} UTC</dd></div>
              <div>
                <dt className="text-muted">Status</dt>
                <dd className={`font-semibold ${channel.brokenAt ? "text-danger" : "text-up"}`}>{channel.brokenAt ? "Broken" : "Working"}</dd>
              </div>
            </dl>
            {channel.brokenAt ? (
              <Alert tone="error" title="The connection is broken">
                <p>{channel.brokenReason} (since {WHEN.format(channel.brokenAt)} UTC).</p>
                <p className="mt-1">Nothing is posted until a test message gets through or you connect a new webhook URL below.</p>
              </Alert>
            ) : null}
            <ChannelButtons test={sendTestMessageAction.bind(null, team.slug)} disconnect={disconnectChannelAction.bind(null, team.slug)} label={label!} />
          </div>
        ) : (
          <div className="flex flex-col gap-4">
            <p className="text-sm" role="status">No channel is connected. Team members get the weekly digest by email only.</p>
            <ConnectChannelForm action={connectChannelAction.bind(null, team.slug)} replacing={false} />
          </div>
        )}
      </Card>
      {channel ? (
        <>
          <Card aria-labelledby="channel-posts-heading">
            <h2 id="channel-posts-heading" className="mb-1 text-lg font-semibold">What gets posted</h2>
            <p className="mb-4 text-sm text-muted">Breakdowns a member hides are never posted, and members can choose not to be named in their email preferences.</p>
            <ChannelOptionsForm action={saveChannelOptionsAction.bind(null, team.slug)} defaults={channel} />
          </Card>
          <Card aria-labelledby="channel-replace-heading">
            <h2 id="channel-replace-heading" className="mb-1 text-lg font-semibold">Use a different webhook</h2>
            <p className="mb-4 text-sm text-muted">The current URL is replaced and deleted.</p>
            <ConnectChannelForm action={connectChannelAction.bind(null, team.slug)} replacing />
          </Card>
        </>
      ) : null}
      <ChannelDeliveries rows={deliveries} />
    </div>
  );
}
