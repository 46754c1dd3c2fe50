"use client";

import { useEffect, useRef, useState } from "react";
import { bookmarkletHref } from "@/lib/bookmarklet";

/**
 * The "Send my SSI" bookmarklet, with how to install it. React refuses to render `javascript:` hrefs, so the
 * link gets its href from the DOM once mounted, built from this page's own origin.
 */
export function BookmarkletLink({ slug, teamName }: { slug: string; teamName: string }) {
  const link = useRef<HTMLAnchorElement>(null);
  const [clicked, setClicked] = useState(false);
  useEffect(() => {
    link.current?.setAttribute("href", bookmarkletHref(`${window.location.origin}/t/${encodeURIComponent(slug)}/submit`));
  }, [slug]);

  return (
    <details className="rounded-md border border-line bg-raised p-4 text-sm">
      <summary className="cursor-pointer font-semibold">One click from LinkedIn: the bookmarklet</summary>
      <ol className="mt-3 flex list-decimal flex-col gap-2 pl-5">
        <li>
          Drag this button to your browser&apos;s bookmarks bar (show the bar with Ctrl+Shift+B / ⌘⇧B):{" "}
          <a
            ref={link}
            data-testid="bookmarklet"
            draggable
            onClick={(e) => {
              e.preventDefault();
              setClicked(true);
            }}
            className="inline-flex min-h-10 cursor-grab items-center rounded-md border border-brand/40 bg-brand-soft px-3 py-1 font-semibold text-fg no-underline"
          >
            SSI → {teamName}
          </a>
        </li>
        <li>
          On{" "}
          <a href="https://www.linkedin.com/sales/ssi" target="_blank" rel="noreferrer">
            linkedin.com/sales/ssi
          </a>{" "}
          (in any language), click the bookmark. This page opens with your scores read into the form, for you to
          check and save.
        </li>
      </ol>
      <p className="mt-3 text-muted">
        It copies the page&apos;s visible text into this app&apos;s address after a “#”, which browsers never send to
        any server: the text is read here, in your browser. It holds no password or token; you need to be signed in
        here.
      </p>
      <p aria-live="polite" className="mt-2 empty:hidden">
        {clicked ? "Drag the button to your bookmarks bar, then click it on your LinkedIn SSI page, not here." : ""}
      </p>
    </details>
  );
}
