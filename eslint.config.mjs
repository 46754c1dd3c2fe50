import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // A delete or update without a where clause is never what we mean.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The layout rule: lib/ is pure domain logic and components/ are UI. Neither opens the database, runs a query
    // or reaches into a route; wiring and side effects live in server/ (lib/authz.ts is the one exception: it is
    // where access is decided). Type-only imports are fine.
    files: ["lib/**", "components/**"],
    ignores: ["lib/authz.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/client", "@/db/queries/*", "**/db/client", "**/db/queries/*", "@/app/*"],
              allowTypeImports: true,
              message: "lib/ and components/ do not import the database, its queries or routes: put the wiring in server/ (or pass it in as a prop).",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "test-results-*/**", ".scratch/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "db/migrations/**"]),
]);
