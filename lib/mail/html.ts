/** Escapes text for HTML element content and attribute values. Every user-supplied string goes through it. */
export function esc(value: string | number): string {
  return String(value)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Marks a string as already-safe HTML so the `html` tag does not escape it again. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = string | number | Html | null | undefined | false | Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (Array.isArray(part)) return part.map(render).join("");
  if (part instanceof Html) return part.value;
  return esc(part);
}

/** Tagged template for email HTML: interpolated values are escaped unless they are Html (or arrays of it). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

export const C = {
  canvas: "#f4f6f8",
  surface: "#ffffff",
  fg: "#111827",
  muted: "#4b5563",
  line: "#d9dee5",
  brand: "#0a66c2",
  brandSoft: "#e8f1fb",
  up: "#047857",
  down: "#b91c1c",
  warnSoft: "#fdf3e1",
};
export const FONT = "-apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";

/**
 * The shell of every email: a 600px centred table (fluid on phones), inline styles only, a preheader, and a
 * footer with why they get it and the unsubscribe link. Tables and inline styles are what Outlook, Gmail and
 * Apple Mail all render the same way.
 */
export function emailLayout(opts: { title: string; preheader: string; body: Html; footer: Html }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(opts.title)}</title>
</head>
<body style="margin:0;padding:0;background:${C.canvas};">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${esc(opts.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${C.canvas};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:${C.surface};border:1px solid ${C.line};border-radius:8px;">
<tr><td style="padding:20px 24px;border-bottom:3px solid ${C.brand};font-family:${FONT};font-size:15px;font-weight:700;color:${C.brand};">SSI Leaderboard</td></tr>
<tr><td style="padding:24px;font-family:${FONT};font-size:15px;line-height:1.5;color:${C.fg};">
${opts.body.value}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid ${C.line};font-family:${FONT};font-size:12px;line-height:1.5;color:${C.muted};">
${opts.footer.value}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

/** A bulletproof button: a link inside a coloured table cell. */
export function button(href: string, label: string): Html {
  return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:16px 0;"><tr><td style="background:${C.brand};border-radius:6px;"><a href="${href}" style="display:inline-block;padding:10px 18px;font-family:${FONT};font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;">${label}</a></td></tr></table>`;
}
