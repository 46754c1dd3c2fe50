type Env = Record<string, string | undefined>;
export declare function heapLimitMiB(env?: Env): number;
export declare function heapFlags(env?: Env): string[];
export declare function clusterArgs(server: string, args?: string[], dir?: string, env?: Env): string[];
export declare function nextStartArgs(opts?: { port?: number | string; host?: string; env?: Env }): string[];
export declare const STANDALONE_DIR: string;
export declare function standaloneArgs(dir?: string, env?: Env): string[];
