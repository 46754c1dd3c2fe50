import type { ReactNode } from "react";

const tones = {
  error: "border-danger/40 bg-danger-soft text-fg",
  success: "border-up/40 bg-ok-soft text-fg",
  info: "border-brand/30 bg-brand-soft text-fg",
  warning: "border-warn/40 bg-warn-soft text-fg",
};

/** A message box; errors are announced to screen readers as soon as they appear. */
export function Alert({ tone = "info", children, title }: { tone?: keyof typeof tones; children: ReactNode; title?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
