// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: Request) => Request;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    requests?: Request[];
  }
  interface Result {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    non2xx: number;
  }
  interface Instance {
    on(event: "response", listener: () => void): void;
  }
  function autocannon(o: Options): Promise<Result>;
  function autocannon(o: Options, cb: (err: Error | null, result: Result) => void): Instance;
  namespace autocannon {
    export type { Options, Result };
  }
  export default autocannon;
}
