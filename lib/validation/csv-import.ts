import type { ImportStatus } from "@/db/queries/csv-import";
/**
 * The largest CSV file the import takes (50,000 rows are about 5 MB). The browser checks it before uploading and
 * the server action again; next.config.js lets requests a little larger than this through the proxy and the
 * server-action body limit, so that a file just over it gets this sentence rather than a cut-off request.
 */
export const CSV_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const CSV_TOO_LARGE_MESSAGE = "The file is larger than 10 MB. Split it into smaller files.";

/** The import form: a preview of what the file would change, then what it did. */
export type ImportState = {
  phase?: "preview" | "done";
  error?: string;
  fileName?: string;
  /** The file's text, sent back with the confirmation so nothing is kept on the server in between. */
  csv?: string;
  counts?: Record<ImportStatus, number>;
  rows?: { line: number; email: string; measuredOn: string; total: number | null; status: ImportStatus; errors: string[] }[];
  hiddenRows?: number;
};
