import type { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";
import type { Counter, Gauge, Histogram, Registry } from "prom-client";

export declare const REDACTED_PATHS: string[];
export declare function prettyLine(line: string): string;

export type RequestStore = { requestId: string; userId?: string; /** "hit" or "miss" when the rendered-page cache answered or kept the page (server/page-cache.mjs). */ cache?: string };

export type Metrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route" | "status">;
  dbPoolMax: Gauge;
  dbPoolConnections: Gauge<"state">;
  dbErrors: Counter<"kind">;
  outboxMessages: Gauge<"status">;
  outboxOldestPendingAge: Gauge;
  outboxClaimed: Gauge;
  digestsSent: Counter;
  emailsSent: Counter<"kind">;
  jobRuns: Counter<"job" | "outcome">;
  signInFailures: Counter<"reason">;
  rateLimitRefusals: Counter<"policy">;
};

export type Runtime = {
  log: Logger;
  metrics: Metrics;
  requestContext: AsyncLocalStorage<RequestStore>;
  onShutdown(name: string, fn: () => Promise<void> | void): void;
  onCollect(fn: () => Promise<void>): void;
  collect(): Promise<void>;
  clusterMetrics(): Promise<string | null>;
  shutdownSteps: { name: string; fn: () => Promise<void> | void }[];
  stopping: boolean;
  preloaded: boolean;
};

export declare function runtime(): Runtime;
export declare function noteRequestUser(userId: string | null | undefined): void;
export declare function currentRequestId(): string | undefined;
export declare function runJob<T>(job: string, fn: () => Promise<T>, summarize?: (result: T) => Record<string, unknown>): Promise<T>;
export declare function isDatabaseError(err: unknown): boolean;
export declare function databaseErrorKind(err: unknown): "connection" | "query";
