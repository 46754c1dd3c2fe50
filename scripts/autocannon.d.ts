// The part of autocannon 9's programmatic API that scripts/bench.ts uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      /** Seconds. */
      timeout?: number;
      method?: "GET" | "POST";
      headers?: Record<string, string>;
      body?: string;
      requests?: (Request & {
        setupRequest?: (req: Request, context: Record<string, unknown>) => Request | null;
        onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
      })[];
    };
    type Stats = { average: number; total: number; p50: number; p99: number; max: number };
    type Result = { requests: Stats; latency: Stats; errors: number; timeouts: number; non2xx: number; statusCodeStats: Record<string, { count: number }> };
    type Instance = PromiseLike<Result> & { stop(): void };
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
