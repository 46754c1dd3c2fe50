import { csvHeaderLine, csvLine, type CsvExportRow } from "@/lib/csv-snapshots";

/** A streamed UTF-8 CSV download (header row first) from pages of rows, so large exports never sit in memory. */
export function csvResponse(pages: AsyncGenerator<CsvExportRow[]>, filename: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvHeaderLine()));
    },
    async pull(controller) {
      const { value, done } = await pages.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value.map(csvLine).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
