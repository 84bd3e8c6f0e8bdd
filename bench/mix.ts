// The suite's own request mix, replayed by autocannon: like compared with like.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { EMULATOR_DEFAULTS } from "../src/config/defaults.js";
import { mintUserSig } from "../src/core/usersig/sign.js";

export interface MixRequest {
  path: string;
  body: string;
}

/**
 * The requests of a recording the bench made (plain JSON), in order, with the UserSig, sdkappid
 * and random normalised in their paths.
 */
export function mixOf(file: string): MixRequest[] {
  const rec = JSON.parse(readFileSync(file, "utf8")) as { definitions: MixRequest[] };
  return rec.definitions.map((d) => ({ path: d.path, body: d.body }));
}

/** Counts per command: what the mix is made of, for the report. */
export function commandsOf(mix: MixRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of mix) {
    const c = /^\/v4\/\w+\/(\w+)/.exec(r.path)?.[1] ?? "?";
    out[c] = (out[c] ?? 0) + 1;
  }
  return out;
}

export interface MixLoad {
  rps: number;
  requests: number;
  ms: number;
}

/**
 * Sends the mix to `url` over `connections` connections, the connections together walking it in
 * recorded order (re-signed, a fresh random each), for `seconds` or until `amount` requests.
 */
export async function loadMix(
  url: string,
  mix: MixRequest[],
  connections: number,
  o: { seconds?: number; amount?: number },
): Promise<MixLoad> {
  const sig = mintUserSig({ ...EMULATOR_DEFAULTS, expire: 86400, now: Math.floor(Date.now() / 1000) });
  let k = 0;
  let last = 0;
  const t0 = performance.now();
  const r = await run(
    {
      url,
      connections,
      ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 5 }),
      requests: [
        {
          method: "POST",
          setupRequest: (req) => {
            const n = k++;
            const m = mix[n % mix.length] as MixRequest;
            const path = m.path
              .replace(/usersig=[^&]*/i, `usersig=${sig}`)
              .replace(/sdkappid=[^&]*/i, `sdkappid=${EMULATOR_DEFAULTS.sdkappid}`)
              .replace(/random=\d+/, `random=${n}`);
            return { ...req, path, headers: { "content-type": "application/json" }, body: m.body };
          },
        },
      ],
    },
    () => {
      last = performance.now();
    },
  );
  // autocannon reports on a one-second tick: the last answer's arrival is the time it needed.
  const ms = (last || performance.now()) - t0;
  return { rps: r.requests.total / (ms / 1000), requests: r.requests.total, ms };
}

/** autocannon with a listener on every answer (its promise form resolves on a one-second tick). */
function run(opts: autocannon.Options, onResponse: () => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on("response", onResponse);
  });
}
