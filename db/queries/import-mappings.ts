import { eq, sql } from "drizzle-orm";
import { database, type Tx } from "../client";
import { importMappings } from "../schema";
import { CSV_COLUMNS } from "@/lib/csv-snapshots";
import { DATE_ORDERS, type DateOrder, type SavedMapping } from "@/lib/import-mapping";
import type { TeamAccess } from "@/lib/team-access";

/** The team's last import mapping, or null (none yet, or one this release no longer understands). */
export async function getImportMapping(access: TeamAccess): Promise<SavedMapping | null> {
  const db = await database();
  const [row] = await db.select({ mapping: importMappings.mapping }).from(importMappings).where(eq(importMappings.teamId, access.teamId));
  const m = row?.mapping as Partial<SavedMapping> | undefined;
  if (!m || typeof m !== "object" || typeof m.columns !== "object" || m.columns === null) return null;
  const columns: SavedMapping["columns"] = {};
  for (const key of CSV_COLUMNS) {
    const name = (m.columns as Record<string, unknown>)[key];
    if (typeof name === "string") columns[key] = name;
  }
  const dateOrder: DateOrder = typeof m.dateOrder === "string" && m.dateOrder in DATE_ORDERS ? (m.dateOrder as DateOrder) : "ymd";
  return { columns, dateOrder, ...(m.oneDate === true ? { oneDate: true } : {}) };
}

/** Keeps the mapping of an import for the team's next one (inside the import's transaction). */
export async function saveImportMapping(tx: Tx, access: TeamAccess, mapping: SavedMapping): Promise<void> {
  await tx
    .insert(importMappings)
    .values({ teamId: access.teamId, mapping, updatedBy: access.userId })
    .onConflictDoUpdate({ target: importMappings.teamId, set: { mapping, updatedBy: access.userId, updatedAt: sql`now()` } });
}
