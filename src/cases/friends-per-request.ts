import { limits } from "../core/contract/limits.js";
import { bodyOf, refused } from "../core/kernel/exchange.js";
import { groupAdd } from "../judge/oracles/judging.js";
import type { Case } from "./case.js";

/** https://cloud.tencent.com/document/product/269/10107: 单次请求的好友数不得超过1000 (specs/limits.json maxFriendsPerRequest) */
const MAX = limits.maxFriendsPerRequest;

// seed: To_Account 单次请求的好友数不得超过1000. The entries are prefixed ids that are nobody's
// friends (the free edition caps an app at 100 accounts, so 1000 real friends cannot exist): each
// should fail in its item, which is enough to show the request itself was taken.
export const friendsPerRequest = {
  id: "friends-per-request",
  title: "1000 To_Account entries in one request are accepted, 1001 are refused",
  covers: ["to-1000", "to-1001"],
  rules: ["friends-per-request-1000"],
  async run({ t, pool }) {
    const u = pool.lease();
    const ids = Array.from(
      { length: MAX + 1 },
      (_, k) => `${pool.prefix}_x${String(k + 1).padStart(4, "0")}`,
    );
    const ok = await groupAdd(t, u, ["many"], ids.slice(0, MAX));
    if (refused(ok)) {
      // Refused for the size, or for naming unknown accounts at all? One unknown id tells them apart;
      // blaming the limit for the latter would fail a correct server.
      const one = await groupAdd(t, u, ["many1"], ids.slice(0, 1));
      if (refused(one)) {
        t.skip(
          "friends-per-request-1000",
          "the target refuses any unknown To_Account at the top level, so the limit cannot be judged with unknown ids",
        );
        return;
      }
    }
    if (t.expectAccepted("friends-per-request-1000", ok, `${MAX} To_Account entries`)) {
      const items = bodyOf(ok)?.ResultItem;
      t.expect(
        "friends-per-request-1000",
        Array.isArray(items) && items.length === MAX,
        `ResultItem has ${Array.isArray(items) ? items.length : "no"} entries for ${MAX} accounts`,
        ok,
        () => ({
          instancePath: "/ResultItem",
          expected: `${MAX} items`,
          actual: Array.isArray(items) ? `${items.length} items` : "missing",
        }),
      );
    }
    const over = await groupAdd(t, u, ["many2"], ids);
    t.expectRefused("friends-per-request-1000", over, `${MAX + 1} To_Account entries`);
  },
} satisfies Case;
