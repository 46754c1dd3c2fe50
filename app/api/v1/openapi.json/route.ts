import { API_RATE_LIMIT } from "@/server/api";
import { snapshotBodySchema } from "@/lib/snapshot-api";
import { COMPONENTS } from "@/lib/ssi";

export const dynamic = "force-static";

const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

export function GET() {
  const doc = {
    openapi: "3.0.3",
    info: {
      title: "SSI Leaderboard API",
      version: "1.0.0",
      description: `Record and read LinkedIn SSI scores with a personal access token (account settings → API tokens). Rate limit: ${API_RATE_LIMIT.limit} requests a minute per token.`,
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal access token (ssi_…)" } },
      schemas: {
        SnapshotInput: snapshotBodySchema(),
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: ["bad_request", "unauthorized", "not_found", "validation_failed", "rate_limited"] },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
              },
            },
          },
        },
      },
    },
    paths: {
      "/snapshots": {
        post: {
          summary: "Record (or replace) your SSI for a date",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/SnapshotInput" } } } },
          responses: {
            "201": { description: "Recorded" },
            "200": { description: "Replaced your earlier score for that date" },
            "400": error("The body is not a JSON object"),
            "401": error("Missing, unknown or revoked token"),
            "404": error("`team` names a team you are not in"),
            "422": error("A field is invalid; `fields` says which and why. Nothing was saved."),
            "429": error("Rate limit reached; see the Retry-After header"),
          },
        },
        get: {
          summary: "Your snapshots, newest first",
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
            { name: "since", in: "query", schema: { type: "string", format: "date" } },
          ],
          responses: { "200": { description: "`{ snapshots: [...] }`" }, "400": error("Bad query parameter"), "401": error("Missing, unknown or revoked token"), "429": error("Rate limit reached") },
        },
      },
      "/teams/{slug}/leaderboard": {
        get: {
          summary: "A team's leaderboard (same access and privacy rules as the page)",
          parameters: [
            { name: "slug", in: "path", required: true, schema: { type: "string" } },
            { name: "asOf", in: "query", schema: { type: "string", format: "date" } },
            { name: "by", in: "query", schema: { type: "string", enum: ["total", ...COMPONENTS] } },
          ],
          responses: { "200": { description: "The board" }, "400": error("Bad query parameter"), "401": error("Missing, unknown or revoked token"), "404": error("No such team, or you are not in it"), "429": error("Rate limit reached") },
        },
      },
    },
  };
  return Response.json(doc);
}
