import type { Case } from "../probe/case.js";
import { outcomeOf } from "../probe/context.js";

// REST-intro: 请求包体为 JSON 格式 ... POST 包体不能为空. The code is open (30001, 60003, …).
export const malformedBody = {
  id: "malformed-body",
  title: "Bodies that are not a JSON object are refused with HTTP 200 and a FAIL envelope",
  rules: ["malformed-body-rejected", "open-malformed-json-code"],
  groupAddOnly: true,
  async run({ t, pool }) {
    const u = pool.lease();
    const raw: Array<[string, string]> = [
      ["truncated JSON", `{"From_Account":"${u}","GroupName":["g"]`],
      ["text that is not JSON", "From_Account=x&GroupName=g"],
      ["an empty body", ""],
      ["a JSON array", `[{"From_Account":"${u}","GroupName":["g"]}]`],
      ["a JSON string", `"${u}"`],
      ["JSON with a trailing comma", `{"From_Account":"${u}","GroupName":["g"],}`],
    ];
    for (const [what, body] of raw) {
      const ex = await t.call("group_add", undefined, { rawBody: body });
      t.expectRefused("malformed-body-rejected", ex, what);
      if (what === "truncated JSON" || what === "an empty body")
        t.observe("open-malformed-json-code", `${what}: ${outcomeOf(ex)}`, ex);
    }
  },
} satisfies Case;
