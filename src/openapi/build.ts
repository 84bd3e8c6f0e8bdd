import { readFileSync } from "node:fs";
import { join } from "node:path";
import { limits } from "../contract/limits.js";
import { schemasDir } from "../contract/paths.js";
import { ENDPOINTS } from "../contract/schemas.js";

type Json = Record<string, unknown>;
const SERVICE: Record<string, string> = {
  account_import: "im_open_login_svc",
  multiaccount_import: "im_open_login_svc",
  account_delete: "im_open_login_svc",
  account_check: "im_open_login_svc",
};
const read = (file: string): Json =>
  JSON.parse(readFileSync(join(schemasDir, `${file}.json`), "utf8")) as Json;

/** Rewrites schemas/ references into components and the byte limit into what OpenAPI tools read. */
function port(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((n) => port(n, file));
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === "$schema" || k === "$id") continue;
    if (k === "$ref" && typeof v === "string") {
      const [f, def] = v.startsWith("#")
        ? [file, v.slice("#/$defs/".length)]
        : [v.split(".json")[0] ?? "", v.split("#/$defs/")[1] ?? ""];
      out.$ref = `#/components/schemas/${f}.${def}`;
    } else if (k === "maxBytes") {
      // JSON Schema has no byte limit: an extension carries it, maxLength gives tools a safe bound.
      out["x-max-utf8-bytes"] = v;
      out.maxLength = v;
    } else out[k] = port(v, file);
  }
  return out;
}

const param = (name: string, description: string, schema: Json): Json => ({
  name,
  in: "query",
  required: true,
  description,
  schema,
});

/**
 * specs/openapi.json: OpenAPI 3.1 for group_add and the fixture endpoints, generated from
 * schemas/ so the two cannot disagree (a test regenerates and compares).
 */
export function buildOpenApi(): Json {
  const schemas: Json = {};
  for (const file of ["envelope", ...ENDPOINTS]) {
    for (const [def, s] of Object.entries((read(file).$defs ?? {}) as Json))
      schemas[`${file}.${def}`] = port(s, file);
  }
  const paths: Json = {};
  for (const cmd of ENDPOINTS) {
    paths[`/v4/${SERVICE[cmd] ?? "sns"}/${cmd}`] = {
      post: {
        operationId: cmd,
        summary: String(read(cmd).title ?? cmd),
        parameters: ["sdkappid", "identifier", "usersig", "random", "contenttype"].map((p) => ({
          $ref: `#/components/parameters/${p}`,
        })),
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: `#/components/schemas/${cmd}.request` } } },
        },
        responses: {
          "200": {
            description:
              "Every answer, success or failure: the result is in ActionStatus/ErrorCode (REST-intro: 除非发生网络错误,否则均为200)",
            content: { "application/json": { schema: { $ref: `#/components/schemas/${cmd}.response` } } },
          },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Tencent Cloud IM REST: friend groups (v4/sns/group_add and fixtures)",
      version: "1",
      description:
        "Generated from schemas/ by `npm run openapi`; see specs/openapi-differences.md for how it differs from Tencent's own file.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: Object.values(limits.regions).map(([domain]) => ({ url: `https://${domain}` })),
    paths,
    components: {
      parameters: {
        sdkappid: param("sdkappid", "创建应用时即时通信 IM 控制台分配的 SDKAppID", {
          type: "integer",
          minimum: 1,
        }),
        identifier: param("identifier", "The App admin account (REST-intro)", { type: "string" }),
        usersig: param("usersig", "The admin's UserSig (TLSSigAPIv2)", { type: "string" }),
        random: param("random", "32 位无符号整数, 0 - 4294967295", {
          type: "integer",
          minimum: 0,
          maximum: 4294967295,
        }),
        contenttype: param("contenttype", "固定值 json", { type: "string", const: "json" }),
      },
      schemas,
    },
  };
}
