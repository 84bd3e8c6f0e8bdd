import { errorCode } from "../transport/exchange.js";
import type { Case } from "./case.js";
import { groupAdd } from "./helpers.js";

// seed: 30003 请求的用户账号不存在
export default {
  id: "unknown-from-account",
  title: "A From_Account that was never imported is refused with 30003",
  rules: ["unknown-from-account", "documented-code-for-condition"],
  groupAddOnly: true,
  async run({ t, pool }) {
    const ghost = await pool.ghost(t);
    const ex = await groupAdd(t, ghost, ["g"]);
    // A code of the wrong type is envelope-field-types' to blame: which code it meant is unknowable.
    if (
      t.expectRefused("unknown-from-account", ex, "group_add for an account never imported") &&
      errorCode(ex) !== undefined
    ) {
      const c = errorCode(ex);
      t.expect(
        "documented-code-for-condition",
        c === 30003,
        `unknown From_Account answered ${c} (the seed's table: 30003)`,
        ex,
      );
    }
  },
} satisfies Case;
