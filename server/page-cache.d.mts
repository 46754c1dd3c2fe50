import type { IncomingMessage, ServerResponse } from "node:http";

/** What the key function sees of a request (server/page-cache-key.ts). */
export type PageKeyRequest = { path: string; query: string; cookie?: string; forwardedProto: string; userAgent?: string };

/** A store the cache keeps pages in (an LRU bounded by bytes: each entry's `size`). */
export type PageStore = { get(key: string): { size: number } | undefined; set(key: string, entry: { size: number }): unknown; calculatedSize?: number };

export type PageCacheConfig = {
  keyFor: (req: PageKeyRequest) => Promise<{ key: string; userId: string } | null>;
  newNonce: () => string;
  store: PageStore;
  /** A page larger than this (as written, and as kept) is not kept. */
  maxEntryBytes: number;
};

export type StoredBody = { plain: Buffer[]; deflated: Buffer[] | null };
export type StoredPage = { status: number; headers: [string, string | string[]][]; body: StoredBody; size: number };

export declare function configurePageCache(config: PageCacheConfig): void;
export declare function handleWithPageCache(req: IncomingMessage, res: ServerResponse, store: { requestId: string; userId?: string; cache?: string }, next: () => unknown): unknown;
export declare function acceptsGzip(header: string | undefined): boolean;
export declare function plainBody(body: StoredBody, nonce: string): Buffer;
export declare function gzipBody(body: StoredBody, nonce: string): Buffer;
export declare function storedBody(body: Buffer, nonce: string): StoredBody;
export declare function deflatedPieces(plain: Buffer[]): Buffer[];
export declare function entryOf(response: { status: number; headers: Record<string, unknown>; chunks: Buffer[] }): StoredPage | null;
