"use server";

import { revalidatePath } from "next/cache";
import { applySnapshotImport, previewSnapshotImport, type ImportPreview } from "@/db/queries/csv-import";
import { getImportMapping } from "@/db/queries/import-mappings";
import { requireTeamRole } from "@/lib/authz";
import { CSV_MAX_ROWS } from "@/lib/csv-snapshots";
import { todayInZone } from "@/lib/dates";
import { applyMapping, initialMapping, toSavedMapping, type ColumnMapping } from "@/lib/import-mapping";
import { readUpload } from "@/lib/spreadsheet/read-upload";
import { tableFromText, tableToText, type SheetTable } from "@/lib/spreadsheet/table";
import { CSV_IMPORT_MAX_BYTES, CSV_TOO_LARGE_MESSAGE, MAPPING_MESSAGES, parseMappingForm, type ImportState, type SheetColumn } from "@/lib/validation/csv-import";

const SHOWN = 1000;
const SAMPLES = 3;

const columnsOf = (table: SheetTable): SheetColumn[] =>
  table.header.map((name, index) => ({
    index,
    name,
    samples: table.rows
      .map((r) => (r.cells[index] ?? "").trim())
      .filter(Boolean)
      .slice(0, SAMPLES)
      .map((s) => s.slice(0, 40)),
  }));

/** The preview's rows for the page: every error, and valid rows up to a cap that keeps the page light. */
function shownRows(preview: ImportPreview): Pick<ImportState, "rows" | "hiddenRows"> {
  const errors = preview.rows.filter((r) => r.status === "error");
  const others = preview.rows.filter((r) => r.status !== "error").slice(0, Math.max(0, SHOWN - Math.min(errors.length, SHOWN)));
  const shown = [...errors.slice(0, SHOWN), ...others].sort((a, b) => a.line - b.line);
  return {
    rows: shown.map(({ line, email, name, measuredOn, total, status, errors }) => ({ line, person: email || name, measuredOn, total, status, errors })),
    hiddenRows: preview.rows.length - shown.length,
  };
}

const personBy = (m: ColumnMapping) => (m.columns.email !== undefined ? "email" : "name");

/**
 * Three steps, none keeping anything on the server in between: "upload" reads the file (CSV of any dialect or
 * .xlsx) into a table and guesses the mapping (or takes the team's last one), previewing at once when it is
 * complete; "preview" applies the mapping chosen on the page; "confirm" re-validates everything under that
 * mapping, writes the valid rows in one transaction and keeps the mapping for the team's next import.
 */
export async function importAction(slug: string, _prev: ImportState, formData: FormData): Promise<ImportState> {
  const intent = String(formData.get("intent") ?? "upload");
  const file = formData.get("file");
  const upload = file instanceof File && file.size > 0 ? file : null;
  const { access, team } = await requireTeamRole(slug, "manager");
  const today = todayInZone(team.timeZone);
  const fileName = (upload?.name ?? String(formData.get("fileName") ?? "")).slice(0, 200) || "import.csv";

  let table: SheetTable | null;
  let readAs = String(formData.get("readAs") ?? "").slice(0, 200);
  if (intent === "upload") {
    if (!upload) return { error: "Choose a CSV or Excel file to import." };
    if (upload.size > CSV_IMPORT_MAX_BYTES) return { error: CSV_TOO_LARGE_MESSAGE };
    const read = await readUpload(new Uint8Array(await upload.arrayBuffer()), CSV_MAX_ROWS);
    if (!read.ok) return { error: read.error, fileName };
    table = read.table;
    readAs = read.readAs;
  } else {
    table = tableFromText(String(formData.get("table") ?? ""), CSV_MAX_ROWS);
    if (!table) return { error: MAPPING_MESSAGES.tampered };
  }

  const base: ImportState = { fileName, readAs, table: tableToText(table), columns: columnsOf(table) };
  let mapping: ColumnMapping;
  let fromLast = false;
  if (intent === "upload") {
    const saved = await getImportMapping(access);
    mapping = initialMapping(table, saved, today);
    fromLast = saved !== null;
  } else {
    const chosen = parseMappingForm(formData, table.header.length, today);
    if (!chosen.ok) return { ...base, phase: "map", mapping: chosen.mapping, mappingErrors: chosen.errors };
    mapping = chosen.mapping;
  }
  // The guess (or last week's mapping) is checked like a choice made on the page.
  const check = new FormData();
  for (const [key, i] of Object.entries(mapping.columns)) check.set(`col.${key}`, String(i));
  if (mapping.fixedDate !== undefined) {
    check.set("col.measured_on", "fixed");
    check.set("fixedDate", mapping.fixedDate);
  }
  check.set("dateOrder", mapping.dateOrder);
  const checked = parseMappingForm(check, table.header.length, today);
  const state: ImportState = { ...base, phase: "map", mapping, mappingFromLastImport: fromLast };
  if (!checked.ok) return { ...state, mappingErrors: checked.errors };

  const records = applyMapping(table, mapping);
  const opts = { personBy: personBy(mapping) } as const;
  if (intent === "confirm") {
    const result = await applySnapshotImport(access, records, today, { ...opts, saveMapping: toSavedMapping(table, mapping) });
    revalidatePath(`/t/${slug}`, "layout");
    return { phase: "done", fileName, counts: result.counts };
  }
  const preview = await previewSnapshotImport(access, records, today, opts);
  return { ...state, phase: "preview", counts: preview.counts, ...shownRows(preview) };
}
