import { exportUserSnapshots } from "@/db/queries/csv-export";
import { requireUser } from "@/lib/authz";
import { csvResponse } from "@/lib/csv-response";

/** GET: the signed-in person's own SSI history as CSV, in the same format managers import. */
export async function GET() {
  const user = await requireUser("/account/export.csv");
  return csvResponse(exportUserSnapshots(user.id), "my-ssi-history.csv");
}
