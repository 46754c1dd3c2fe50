import type { ComponentProps } from "react";

/** A surface for one block of content; `flush` drops the padding for lists and tables that run edge to edge. */
export function Card({ className = "", flush = false, ...props }: ComponentProps<"section"> & { flush?: boolean }) {
  return <section className={`rounded-lg border border-line bg-surface shadow-sm ${flush ? "" : "p-4 sm:p-6"} ${className}`} {...props} />;
}
