import { assertStartupConfig, env, type Env } from "@/lib/env";
import { ensureAuthSecret } from "@/lib/secret";

/**
 * What every process that sends mail or serves requests does first, the server (server/server-start.ts) and the
 * digest CLI alike, so that they agree on the configuration: validate the environment and the production
 * requirements (throws EnvError naming each variable), then, in the embedded mode only, read or make the
 * AUTH_SECRET kept in DATA_DIR (sessions and unsubscribe links are signed with it).
 */
export function prepareRuntimeEnv(): Env {
  const e = env();
  assertStartupConfig(e);
  process.env.AUTH_SECRET ??= ensureAuthSecret(e.DATA_DIR);
  return e;
}
