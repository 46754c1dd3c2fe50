/*
 * A list of people to invite, as a manager pastes it or uploads it: one address a line, "Name <email>" (as an
 * address book copies it, several a line separated by ";" or ","), "Name, email" or "email<TAB>Name" from a
 * spreadsheet, or a CSV file of names and emails with or without a header row.
 */
import { z } from "zod";
import { guessColumns } from "@/lib/import-mapping";
import type { SheetTable } from "@/lib/spreadsheet/table";

/** The most people one go invites: the per-account invitation limit of an hour (lib/rate-limit.ts). */
export const BULK_INVITE_MAX = 100;

export type InviteLine = { line: number; text: string; name: string | null; email: string | null; problem?: string; repeatOf?: number };

export const INVITE_LIST_MESSAGES = {
  empty: "Paste at least one email address, or choose a CSV file of names and emails.",
  notAddress: (text: string) => `“${text}” is not an email address: expected name@company.com or Name <name@company.com>.`,
  noAddress: "No email address on this line: expected name@company.com or Name <name@company.com>.",
  duplicate: (line: number) => `The same address as line ${line}: invited once.`,
  tooMany: (max: number) => `The list has more than ${max} addresses. Invite up to ${max} at a time.`,
  noEmailColumn: "The file has no column of email addresses: name one “email”, or paste the addresses instead.",
} as const;

const email = z.email();
const isEmail = (s: string) => s.length <= 254 && email.safeParse(s).success;
const clean = (s: string) => s.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, "").trim();

/** One entry: "Name <email>", "email", "Name, email", "email, Name" or tab-separated. */
function parseEntry(line: number, raw: string): InviteLine {
  const text = raw.trim().slice(0, 300);
  const angled = /^(.*?)<([^<>]*)>\s*$/.exec(text);
  if (angled) {
    const address = angled[2]!.trim();
    const name = clean(angled[1]!) || null;
    return isEmail(address) ? { line, text, name, email: address.toLowerCase() } : { line, text, name, email: null, problem: INVITE_LIST_MESSAGES.notAddress(address) };
  }
  const parts = text.split(/\t|,|;/).map(clean).filter(Boolean);
  const at = parts.findIndex((p) => p.includes("@"));
  if (at < 0) return { line, text, name: null, email: null, problem: parts.length === 1 && !/\s/.test(parts[0]!) ? INVITE_LIST_MESSAGES.notAddress(parts[0]!) : INVITE_LIST_MESSAGES.noAddress };
  const address = parts[at]!.replace(/^mailto:/i, "");
  const name = parts.filter((_, i) => i !== at).join(" ") || null;
  return isEmail(address) ? { line, text, name, email: address.toLowerCase() } : { line, text, name, email: null, problem: INVITE_LIST_MESSAGES.notAddress(address) };
}

/** Marks the second and later lines of the same address. */
function markDuplicates(lines: InviteLine[]): InviteLine[] {
  const first = new Map<string, number>();
  for (const l of lines) {
    if (!l.email || l.problem) continue;
    const seen = first.get(l.email);
    if (seen !== undefined) {
      l.problem = INVITE_LIST_MESSAGES.duplicate(seen);
      l.repeatOf = seen;
    }
    else first.set(l.email, l.line);
  }
  return lines;
}

/** "a, b; "c, d" <e>" → ["a", "b", "\"c, d\" <e>"]: commas and semicolons inside quotes or <…> don't split. */
function splitOutsideQuotes(line: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let angled = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === "<" && !quoted) angled = true;
    else if (c === ">" && !quoted) angled = false;
    else if ((c === "," || c === ";") && !quoted && !angled) {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out.map((p) => p.trim()).filter(Boolean);
}

/**
 * The pasted list, entry by entry. Several "Name <email>" (or plain addresses) on one line, separated by ";" or
 * ",", are taken apart as an address book writes them; "Name, email" stays one entry.
 */
export function parseInviteText(text: string): InviteLine[] {
  const out: InviteLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const pieces = splitOutsideQuotes(raw);
    const severalAddresses = pieces.length > 1 && pieces.every((p) => /<[^<>]+>\s*$/.test(p) || (!/\s/.test(p) && p.includes("@")));
    for (const piece of severalAddresses ? pieces : [raw]) out.push(parseEntry(i + 1, piece));
  });
  return markDuplicates(out);
}

/** A CSV of names and emails: the columns found by their header names, or a file without a header row. */
export function parseInviteTable(table: SheetTable): InviteLine[] | { error: string } {
  const guessed = guessColumns(table.header);
  const headerIsData = table.header.some((h) => h.includes("@"));
  const rows = headerIsData ? [{ line: 1, cells: table.header }, ...table.rows] : table.rows;
  if (headerIsData || guessed.email === undefined) {
    // No header (or none naming an email column): each row is read like a pasted line.
    if (!headerIsData && !rows.some((r) => r.cells.some((c) => c.includes("@")))) return { error: INVITE_LIST_MESSAGES.noEmailColumn };
    return markDuplicates(rows.map((r) => parseEntry(r.line, r.cells.filter((c) => c.trim()).join(", "))));
  }
  return markDuplicates(
    rows.map((r) => {
      const address = clean(r.cells[guessed.email!] ?? "");
      const name = guessed.name === undefined ? null : clean(r.cells[guessed.name] ?? "") || null;
      const text = r.cells.join(", ").slice(0, 300);
      if (!address) return { line: r.line, text, name, email: null, problem: INVITE_LIST_MESSAGES.noAddress };
      return isEmail(address) ? { line: r.line, text, name, email: address.toLowerCase() } : { line: r.line, text, name, email: null, problem: INVITE_LIST_MESSAGES.notAddress(address) };
    }),
  );
}

export type InviteeStatus = "new" | "member" | "pending" | "invalid" | "repeat";

/** Each entry's outcome, given which addresses are members of the team and which are invited already. */
export function classifyInviteLines(lines: InviteLine[], known: { members: Set<string>; pending: Set<string> }) {
  const counts: Record<InviteeStatus, number> = { new: 0, member: 0, pending: 0, invalid: 0, repeat: 0 };
  const rows = lines.map((l) => {
    const status: InviteeStatus = l.repeatOf !== undefined ? "repeat" : l.problem || !l.email ? "invalid" : known.members.has(l.email) ? "member" : known.pending.has(l.email) ? "pending" : "new";
    counts[status]++;
    return { line: l.line, text: l.text, name: l.name, email: l.email, status, ...(l.problem ? { note: l.problem } : {}) };
  });
  return { rows, counts };
}

/** The entries with an address, as "Name <email>" lines that parseInviteText reads back the same. */
export function inviteLinesToText(lines: InviteLine[]): string {
  return lines
    .filter((l) => l.email && !l.problem)
    .map((l) => (l.name ? `"${l.name.replace(/["<>]/g, "")}" <${l.email}>` : l.email))
    .join("\n");
}
