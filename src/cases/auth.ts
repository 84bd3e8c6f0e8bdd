import type { CallOptions } from "../runner/request.js";
import type { Case } from "./case.js";
import { expectUnchanged, groupAdd, snapshotGroups } from "./helpers.js";

const DAY = 86400;

// REST-intro: sdkappid, identifier (必须为 App 管理员账号) and usersig authenticate every call;
// reference §3.5/§5.2 give the codes, which this case does not pin (the live mapping is a guess).
export default {
  id: "auth",
  title: "Wrong sdkappid, bad or expired usersig and a non-admin identifier are refused",
  rules: ["auth-sdkappid", "auth-usersig", "auth-admin-only", "failed-call-no-change"],
  groupAddOnly: true,
  async run({ t, pool, sig, adminSig, declared }) {
    const u = pool.lease();
    const before = await snapshotGroups(t, u, declared);
    const tries: Array<[string, string, CallOptions]> = [
      ["auth-sdkappid", "no sdkappid", { query: { sdkappid: null } }],
      ["auth-usersig", "no usersig", { query: { usersig: null } }],
      ["auth-usersig", "an empty usersig", { query: { usersig: "" } }],
      [
        "auth-usersig",
        "a usersig that is not a signature",
        { query: { usersig: "eJyrVkrLLCpKzUvMS1Wy.UjJU0lFKSiwqSQUAVewH6A__" } },
      ],
      [
        "auth-usersig",
        "a truncated usersig",
        { query: { usersig: adminSig.slice(0, Math.floor(adminSig.length / 2)) } },
      ],
    ];
    if (sig) {
      const other = sig.sdkappid === 1 ? 2 : sig.sdkappid - 1;
      tries.push(
        [
          "auth-sdkappid",
          "another sdkappid (signed for it)",
          {
            query: { sdkappid: String(other), usersig: sig.mint({ identifier: sig.admin, sdkappid: other }) },
          },
        ],
        ["auth-sdkappid", "another sdkappid (admin signature)", { query: { sdkappid: String(other) } }],
        [
          "auth-usersig",
          "an expired usersig",
          { query: { usersig: sig.mint({ identifier: sig.admin, time: sig.now() - 2 * DAY, expire: DAY }) } },
        ],
        [
          "auth-usersig",
          "a usersig signed with another key",
          {
            query: {
              usersig: sig.mint({ identifier: sig.admin, key: "not-the-app-secret-key-0123456789abcdef" }),
            },
          },
        ],
        [
          "auth-usersig",
          "a usersig minted for another identifier",
          { query: { usersig: sig.mint({ identifier: u }) } },
        ],
        [
          "auth-admin-only",
          "a valid usersig of a user who is not the App admin",
          { query: { identifier: u, usersig: sig.mint({ identifier: u }) } },
        ],
      );
    } else {
      for (const r of ["auth-sdkappid", "auth-usersig", "auth-admin-only"]) {
        t.skip(r, "signed negative cases need TIM_SECRET_KEY; only TIM_USERSIG was given");
      }
    }
    // A distinct name per try: one wrongly accepted try must not make the next fail for "name exists".
    for (const [k, [rule, what, o]] of tries.entries()) {
      t.expectRefused(rule, await groupAdd(t, u, [`auth_probe${k}`], undefined, o), what);
    }
    await expectUnchanged(t, u, before, "refused unauthenticated calls");
  },
} satisfies Case;
