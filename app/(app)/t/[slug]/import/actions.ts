"use server";

import { revalidatePath } from "next/cache";
import type { ImportState } from "@/lib/validation/csv-import";
import { applySnapshotImport, previewSnapshotImport } from "@/db/queries/csv-import";
import { requireTeamRole } from "@/lib/authz";
import { parseSnapshotCsv } from "@/lib/csv-snapshots";
import { todayInZone } from "@/lib/dates";
import { CSV_IMPORT_MAX_BYTES, CSV_TOO_LARGE_MESSAGE } from "@/lib/validation/csv-import";
const SHOWN = 1000;

/**
 * Step one ("preview", with the uploaded file) shows what each row would do and writes nothing; step two
 * ("confirm", with the same text sent back) re-validates everything and writes the valid rows in one transaction.
 */
export async function importAction(slug: string, _prev: ImportState, formData: FormData): Promise<ImportState> {
  const intent = formData.get("intent") === "confirm" ? "confirm" : "preview";
  const file = formData.get("file");
  const upload = file instanceof File && file.size > 0 ? file : null;
  const { access, team } = await requireTeamRole(slug, "manager");
  if (upload && upload.size > CSV_IMPORT_MAX_BYTES) return { error: CSV_TOO_LARGE_MESSAGE };
  const text = upload ? await upload.text() : String(formData.get("csv") ?? "");
  const fileName = upload?.name ?? String(formData.get("fileName") ?? "import.csv");
  if (!text.trim()) return { error: "Choose a CSV file to import." };
  const parsed = parseSnapshotCsv(text);
  if (!parsed.ok) return { error: parsed.error, fileName };
  const today = todayInZone(team.timeZone);

  if (intent === "confirm") {
    const result = await applySnapshotImport(access, parsed.rows, today);
    revalidatePath(`/t/${slug}`, "layout");
    return { phase: "done", fileName, counts: result.counts };
  }
  const preview = await previewSnapshotImport(access, parsed.rows, today);
  // Every error is listed; valid rows too, up to a cap that keeps the page light for very large files.
  const errors = preview.rows.filter((r) => r.status === "error");
  const others = preview.rows.filter((r) => r.status !== "error").slice(0, Math.max(0, SHOWN - Math.min(errors.length, SHOWN)));
  const shown = [...errors.slice(0, SHOWN), ...others].sort((a, b) => a.line - b.line);
  return {
    phase: "preview",
    fileName,
    csv: text,
    counts: preview.counts,
    rows: shown.map(({ line, email, measuredOn, total, status, errors }) => ({ line, email, measuredOn, total, status, errors })),
    hiddenRows: preview.rows.length - shown.length,
  };
}
