"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/** A disclosure menu: a real button with aria-expanded; closes on Escape, outside click and focus leaving. */
/** `trigger` is the button's content and must carry its accessible name (visible text plus sr-only words). */
export function Menu({ trigger, children, align = "right" }: { trigger: ReactNode; children: ReactNode; align?: "left" | "right" }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-10 items-center gap-2 rounded-md px-2 py-1 hover:bg-raised"
      >
        {trigger}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute ${align === "right" ? "right-0" : "left-0"} z-20 mt-2 w-64 rounded-lg border border-line bg-surface p-2 shadow-lg`}
      >
        {children}
      </div>
    </div>
  );
}
