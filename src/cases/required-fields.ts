import type { Case } from "../probe/case.js";

// seed request table: From_Account 必填, GroupName 必填
export const requiredFields = {
  id: "required-fields",
  title: "A body without From_Account or GroupName is refused with a FAIL envelope",
  rules: ["required-fields"],
  groupAddOnly: true,
  async run({ t, pool }) {
    const u = pool.lease();
    const bodies: Array<[string, Record<string, unknown>]> = [
      ["no From_Account", { GroupName: ["rf1"] }],
      ["no GroupName", { From_Account: u }],
      ["no GroupName, with To_Account", { From_Account: u, To_Account: [] }],
      ["an empty object", {}],
    ];
    for (const [what, body] of bodies)
      t.expectRefused("required-fields", await t.call("group_add", body), what);
  },
} satisfies Case;
