export declare class WorkerCountError extends Error {}
export declare function workerCount(env?: Record<string, string | undefined>, cores?: number): { count: number; reason: string; note?: string };
export declare function heapLimitNote(execArgv?: string[], env?: Record<string, string | undefined>): string | null;
