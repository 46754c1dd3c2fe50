export declare function clusterArgs(server: string, args?: string[], dir?: string): string[];
export declare function nextStartArgs(opts?: { port?: number | string; host?: string }): string[];
export declare const STANDALONE_DIR: string;
export declare function standaloneArgs(dir?: string): string[];
