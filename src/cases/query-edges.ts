import { judgeByDomain } from "../judge/oracles/domain.js";
import { groupAdd } from "../judge/oracles/judging.js";
import type { Case } from "./case.js";

// seed: random 请输入随机的32位无符号整数,取值范围0 - 4294967295. The range is inclusive, so both
// edges make valid requests: refusing one is refusing a valid request (MUST), not a real-client quirk.
export const queryEdges = {
  id: "query-edges",
  title: "Query values at their documented edges (random 0 and 4294967295) make valid requests",
  covers: ["random-zero", "random-max"],
  rules: ["valid-request-accepted"],
  groupAddOnly: false,
  async run({ t, pool }) {
    const u = pool.lease();
    for (const random of ["0", "4294967295"]) {
      const ex = await groupAdd(t, u, [`edge${random.length}`], undefined, { query: { random } });
      judgeByDomain(t, ex, `group_add with random ${random} (an edge of 0 - 4294967295)`);
    }
  },
} satisfies Case;
