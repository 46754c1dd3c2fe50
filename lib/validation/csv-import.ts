/**
 * The largest CSV file the import takes (50,000 rows are about 5 MB). The browser checks it before uploading and
 * the server action again; next.config.js lets requests a little larger than this through the proxy and the
 * server-action body limit, so that a file just over it gets this sentence rather than a cut-off request.
 */
export const CSV_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const CSV_TOO_LARGE_MESSAGE = "The file is larger than 10 MB. Split it into smaller files.";
