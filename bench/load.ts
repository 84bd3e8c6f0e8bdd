import autocannon from "autocannon";
import { EMULATOR_DEFAULTS } from "../src/config/defaults.js";
import { mintUserSig } from "../src/core/usersig/sign.js";

export const USERS = 3000;
const sig = mintUserSig({ ...EMULATOR_DEFAULTS, expire: 86400, now: Math.floor(Date.now() / 1000) });
export const query = (random: number) =>
  `sdkappid=${EMULATOR_DEFAULTS.sdkappid}&identifier=${EMULATOR_DEFAULTS.identifier}&usersig=${sig}&random=${random}&contenttype=json`;

/** Imports the users the load spreads over (100 per multiaccount_import, docs/sources/tencent-im-rest.md §2.9). */
export async function importUsers(base: string): Promise<void> {
  for (let k = 0; k < USERS; k += 100) {
    const AccountList = Array.from({ length: 100 }, (_, j) => ({ UserID: `bu${k + j}` }));
    await fetch(`${base}/v4/im_open_login_svc/multiaccount_import?${query(k)}`, {
      method: "POST",
      body: JSON.stringify({ AccountList }),
    });
  }
}

export interface LoadResult {
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
}

/**
 * A representative group_add: a new name for one of USERS users, round robin, so
 * the emulator does the real work (parse, verify, store) until users fill up.
 */
export async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
  let k = 0;
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const n = k++;
          return {
            ...req,
            path: `/v4/sns/group_add?${query(n)}`,
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              From_Account: `bu${n % USERS}`,
              GroupName: [`g${Math.floor(n / USERS)}`],
            }),
          };
        },
      },
    ],
  });
  return {
    rps: r.requests.average,
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}
