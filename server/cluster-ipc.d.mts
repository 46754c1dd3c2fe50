import type { Registry } from "prom-client";
import type { Logger } from "pino";
import type { Worker } from "node:cluster";

export declare function isClusterWorker(): boolean;
export declare function noteWorkerReady(): void;
export declare function workerMetrics(registry: Registry, refresh: () => Promise<void>): { scrape(): Promise<string | null> };
export declare function servePrimary(opts: { registry: Registry; log: Logger; onReady(worker: Worker): void; ready(): Worker[] }): void;
