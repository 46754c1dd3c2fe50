import { exportUserData } from "@/db/queries/account";
import { currentUser } from "@/lib/authz";

/** "Download my data": everything stored about the signed-in person, as a JSON file. */
export async function GET() {
  const user = await currentUser();
  if (!user) return Response.json({ error: { code: "unauthorized", message: "Sign in to download your data." } }, { status: 401 });
  const data = await exportUserData(user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="ssi-leaderboard-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
