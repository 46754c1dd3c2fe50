"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { FieldError } from "@/components/ui/field";
import { PreviewTable } from "@/components/ui/preview-table";
import type { FormAction } from "@/lib/validation/action-state";
import { CSV_IMPORT_MAX_BYTES, CSV_TOO_LARGE_MESSAGE, type ImportState, type ImportStatus } from "@/lib/validation/csv-import";
import { ImportMapping } from "./import-mapping";

const STATUS: Record<ImportStatus, { label: string; className: string }> = {
  insert: { label: "Will insert", className: "border-up/40 bg-ok-soft" },
  replace: { label: "Will replace", className: "border-warn/40 bg-warn-soft" },
  unchanged: { label: "Unchanged", className: "border-line bg-raised" },
  error: { label: "Error", className: "border-danger/40 bg-danger-soft" },
};

function Counts({ counts }: { counts: Record<ImportStatus, number> }) {
  return (
    <ul className="flex flex-wrap gap-2 text-sm" aria-label="Rows by outcome">
      {(Object.keys(STATUS) as ImportStatus[]).map((s) => (
        <li key={s} className={`rounded-full border px-3 py-1 ${STATUS[s].className}`} data-testid={`count-${s}`}>
          {STATUS[s].label}: <span className="font-semibold tabular-nums">{counts[s]}</span>
        </li>
      ))}
    </ul>
  );
}

/** Upload → which column is which → preview of every row → confirm. Nothing is written before the confirmation. */
export function ImportForm({ action, dashboardHref, today }: { action: FormAction<ImportState>; dashboardHref: string; today: string }) {
  const [state, formAction] = useActionState(action, {});
  // Checked as soon as a file is chosen: an oversized one is never uploaded (the form will not submit).
  const [tooLarge, setTooLarge] = useState(false);
  // The state the mapping was last edited after: a choice changed since the preview makes the preview stale.
  const [editedAfter, setEditedAfter] = useState<ImportState | null>(null);
  const stale = editedAfter === state;
  const writable = state.counts ? state.counts.insert + state.counts.replace : 0;
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-sm sm:flex-row sm:items-end sm:p-6">
        <input type="hidden" name="intent" value="upload" />
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor="import-file" className="text-sm font-medium">Spreadsheet file (CSV or Excel)</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-describedby="import-file-hint import-file-error"
            aria-invalid={tooLarge || undefined}
            onChange={(e) => {
              const big = (e.currentTarget.files?.[0]?.size ?? 0) > CSV_IMPORT_MAX_BYTES;
              e.currentTarget.setCustomValidity(big ? CSV_TOO_LARGE_MESSAGE : "");
              setTooLarge(big);
            }}
            className="min-h-10 rounded-md border border-line bg-surface px-3 py-2 text-sm"
          />
          <p id="import-file-hint" className="text-xs text-muted">
            CSV in any encoding and with any delimiter, or an Excel workbook (.xlsx). One row per person and date; you choose which column is which
            next. Up to 50,000 rows, 10 MB.
          </p>
          <FieldError id="import-file-error" errors={tooLarge ? [CSV_TOO_LARGE_MESSAGE] : null} />
        </div>
        <SubmitButton pendingLabel="Checking…">Preview</SubmitButton>
      </form>

      {state.error ? <Alert tone="error" title="Nothing was imported">{state.error}</Alert> : null}

      {state.phase === "done" && state.counts ? (
        <Alert tone="success" title={`Imported ${state.fileName ?? "the file"}`}>
          <p>
            {state.counts.insert} added, {state.counts.replace} replaced, {state.counts.unchanged} unchanged
            {state.counts.error ? `, ${state.counts.error} ${state.counts.error === 1 ? "row" : "rows"} with errors skipped` : ""}. <Link href={dashboardHref}>Back to the dashboard</Link>
          </p>
        </Alert>
      ) : null}

      {(state.phase === "map" || state.phase === "preview") && state.columns && state.mapping ? (
        <form action={formAction} className="flex min-w-0 flex-col gap-6" key={`${state.fileName}|${state.table?.length}|${JSON.stringify(state.mapping)}`}>
          <input type="hidden" name="fileName" value={state.fileName ?? ""} />
          <input type="hidden" name="readAs" value={state.readAs ?? ""} />
          <textarea name="table" defaultValue={state.table} hidden readOnly aria-hidden />
          <section aria-labelledby="mapping-title" className="flex min-w-0 flex-col gap-3 rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-6" data-testid="import-mapping">
            <div>
              <h2 id="mapping-title" className="text-lg font-semibold">Match the columns of {state.fileName}</h2>
              <p className="text-sm text-muted">
                Read as {state.readAs}.{" "}
                {state.mappingFromLastImport ? "Columns with the same names as in your last import are matched the same way; " : "Matched from the column names; "}
                check them, then preview.
              </p>
            </div>
            <ImportMapping columns={state.columns} mapping={state.mapping} errors={state.mappingErrors} today={today} onChange={() => setEditedAfter(state)} />
            <div>
              <SubmitButton name="intent" value="preview" variant={state.phase === "preview" && !stale ? "secondary" : "primary"} pendingLabel="Checking…">
                Update preview
              </SubmitButton>
            </div>
          </section>

          {state.phase === "preview" && state.counts && state.rows ? (
            <section aria-labelledby="preview-title" className="flex flex-col gap-3">
              <h2 id="preview-title" className="text-lg font-semibold">Preview of {state.fileName}</h2>
              <p className="text-sm text-muted">Nothing has been written yet. Rows with errors are skipped; fix them in the file and preview again.</p>
              <Counts counts={state.counts} />
              <PreviewTable
                label="Import preview"
                caption="What each row of the file will do"
                className="max-h-[32rem]"
                rows={state.rows}
                rowKey={(r) => r.line}
                rowProps={(r) => ({ "data-testid": "import-row", "data-line": r.line, "data-status": r.status })}
                columns={[
                  { header: "Line", cellClassName: "px-3 py-2 tabular-nums", cell: (r) => r.line },
                  { header: "Person", cellClassName: "min-w-36 max-w-56 px-3 py-2 wrap-anywhere", cell: (r) => r.person || "—" },
                  { header: "Date", cellClassName: "whitespace-nowrap px-3 py-2 tabular-nums", cell: (r) => r.measuredOn || "—" },
                  {
                    header: "SSI",
                    headerClassName: "px-3 py-2 text-right",
                    cellClassName: "px-3 py-2 text-right tabular-nums",
                    cell: (r) => (r.total === null ? "—" : r.total.toFixed(2)),
                  },
                  {
                    header: "Outcome",
                    cellClassName: "min-w-48 px-3 py-2",
                    cell: (r) => (
                      <>
                        <span className={`inline-block rounded-full border px-2 py-0.5 text-xs font-semibold ${STATUS[r.status].className}`}>{STATUS[r.status].label}</span>
                        {r.errors.length ? <span className="mt-1 block text-xs">{r.errors.join(" ")}</span> : null}
                      </>
                    ),
                  },
                ]}
              />
              {state.hiddenRows ? <p className="text-xs text-muted">{state.hiddenRows.toLocaleString("en-US")} more valid rows are not listed; the counts above include them.</p> : null}
              <div className="flex flex-wrap items-center gap-3">
                <SubmitButton name="intent" value="confirm" disabled={writable === 0 || stale} aria-describedby={stale ? "import-stale" : undefined} pendingLabel="Importing…">
                  {writable === 0 ? "Nothing to import" : `Import ${writable} ${writable === 1 ? "row" : "rows"}`}
                </SubmitButton>
                <Link href={dashboardHref} className="text-sm">Cancel</Link>
                <p id="import-stale" className="text-sm text-warn empty:hidden" aria-live="polite">
                  {stale ? "You changed the columns: update the preview before importing." : null}
                </p>
              </div>
            </section>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
