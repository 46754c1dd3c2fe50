"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Re-renders the server page every `seconds` without a full reload, and says when it last did. */
export function AutoRefresh({ seconds, renderedAt }: { seconds: number; renderedAt: string }) {
  const router = useRouter();
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const tick = setInterval(() => {
      setLeft((l) => {
        if (l <= 1) {
          router.refresh();
          return seconds;
        }
        return l - 1;
      });
    }, 1000);
    return () => clearInterval(tick);
  }, [router, seconds]);
  return (
    <p className="text-sm text-muted" data-testid="tv-updated">
      Updated {renderedAt} · next update in {left} s
    </p>
  );
}
