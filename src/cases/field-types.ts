import type { Case } from "../probe/case.js";

// seed request table: From_Account String, GroupName Array (of names), To_Account Array (of UserIDs)
export const fieldTypes = {
  id: "field-types",
  title: "Fields of the wrong JSON type are refused with a FAIL envelope",
  rules: ["field-types"],
  groupAddOnly: true,
  async run({ t, pool }) {
    const u = pool.lease();
    const bodies: Array<[string, Record<string, unknown>]> = [
      ["From_Account as a number", { From_Account: 12345, GroupName: ["ft1"] }],
      ["From_Account as an array", { From_Account: [u], GroupName: ["ft2"] }],
      ["GroupName as a string", { From_Account: u, GroupName: "ft_string" }],
      ["GroupName of numbers", { From_Account: u, GroupName: [1, 2] }],
      ["GroupName as an object", { From_Account: u, GroupName: { name: "ft_object" } }],
      ["To_Account as a string", { From_Account: u, GroupName: ["ft3"], To_Account: u }],
      ["To_Account of numbers", { From_Account: u, GroupName: ["ft4"], To_Account: [1] }],
    ];
    for (const [what, body] of bodies) t.expectRefused("field-types", await t.call("group_add", body), what);
  },
} satisfies Case;
