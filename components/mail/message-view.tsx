/** An email as it will arrive: the HTML part in a sandboxed frame (no scripts; links open in a new tab) and the text part. */
export function MessageView({ subject, to, meta, html, text }: { subject: string; to: string; meta?: React.ReactNode; html: string; text: string }) {
  // A <base> makes links in the message open outside the frame instead of inside the sandbox.
  const doc = html.includes("<head>") ? html.replace("<head>", '<head><base target="_blank">') : `<base target="_blank">${html}`;
  return (
    <article className="flex min-w-0 flex-col gap-3" aria-label={`Email: ${subject}`}>
      <header className="flex flex-col gap-1">
        <h2 className="text-lg font-semibold break-words" data-testid="mail-subject">{subject}</h2>
        <p className="text-sm text-muted break-all">To: {to}</p>
        {meta ? <div className="text-xs text-muted">{meta}</div> : null}
      </header>
      <iframe
        title={`HTML part of “${subject}”`}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={doc}
        className="h-[36rem] w-full rounded-md border border-line bg-white"
        data-testid="mail-html"
      />
      <details className="rounded-md border border-line">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Plain-text part</summary>
        <pre className="overflow-x-auto px-3 pb-3 text-xs leading-relaxed whitespace-pre-wrap" data-testid="mail-text">{text}</pre>
      </details>
    </article>
  );
}
