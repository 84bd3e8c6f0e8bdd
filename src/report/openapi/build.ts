import { readFileSync } from "node:fs";
import { join } from "node:path";
import { code } from "../../core/contract/codes.js";
import { pathOf } from "../../core/contract/endpoints.js";
import { limits } from "../../core/contract/limits.js";
import { schemasDir } from "../../core/contract/paths.js";
import { ENDPOINTS } from "../../core/contract/schemas.js";
import { SEED_FULL_RESPONSE, SEED_PLAIN_RESPONSE } from "../../core/contract/seed-examples.js";

type Json = Record<string, unknown>;
const read = (file: string): Json =>
  JSON.parse(readFileSync(join(schemasDir, `${file}.json`), "utf8")) as Json;

/** `if` answered OK? then the success shape, else the failure: as a oneOf (the two are exclusive by
 * ActionStatus), which OpenAPI tools and code generators understand, where if/then/else is unknown to them. */
function asOneOf(node: Json, file: string): Json | undefined {
  const then = node.then as Json | undefined;
  const otherwise = node.else as Json | undefined;
  if (!node.if || !then || !otherwise) return undefined;
  return { oneOf: [port(then, file), port(otherwise, file)] };
}

/**
 * Rewrites schemas/ references into components and the byte limit into what OpenAPI tools read. A
 * `$ref` with sibling keywords becomes `allOf` (one validator crashes on siblings; others drop them).
 */
function port(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((n) => port(n, file));
  if (node === null || typeof node !== "object") return node;
  const branch = asOneOf(node as Json, file);
  if (branch) return branch;
  const { $ref, ...siblings } = node as Json;
  const meaningful = Object.keys(siblings).filter((k) => k !== "$schema" && k !== "$id");
  if (typeof $ref === "string" && meaningful.length > 0)
    return { allOf: [port({ $ref }, file), port(siblings, file)] };
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

/** The group_add page's own examples (group_add page): what a mock answers, and what readers see first. */
const GROUP_ADD_EXAMPLES = {
  success: { summary: "the group_add page's first example", value: SEED_PLAIN_RESPONSE },
  complete: { summary: "the group_add page's complete example, with To_Account", value: SEED_FULL_RESPONSE },
  failure: {
    summary: "a refusal (https://cloud.tencent.com/document/product/269/10107 错误码 30011)",
    value: {
      ActionStatus: "FAIL",
      ErrorCode: code("ERR_SVR_FRIENDSHIP_GROUP_COUNT_LIMIT"),
      ErrorInfo: "Err_SNS_GroupAdd_Group_Count_Exceed_Limit",
      ErrorDisplay: "",
    },
  },
};

/** Only the components something refers to: no unused ones for linters to flag. */
function used(schemas: Json, paths: Json): Json {
  const keep = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) visit(n);
    else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node as Json)) {
        if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/")) {
          const name = v.slice("#/components/schemas/".length);
          if (!keep.has(name)) {
            keep.add(name);
            visit(schemas[name]);
          }
        } else visit(v);
      }
  };
  visit(paths);
  return Object.fromEntries(Object.entries(schemas).filter(([k]) => keep.has(k)));
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
    paths[pathOf(cmd)] = {
      post: {
        operationId: cmd,
        summary: String(read(cmd).title ?? cmd),
        description: String(read(cmd).description ?? pathOf(cmd).slice(1)),
        tags: [cmd === "group_add" ? "group_add" : "fixtures"],
        parameters: ["random", "contenttype"].map((p) => ({ $ref: `#/components/parameters/${p}` })),
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: `#/components/schemas/${cmd}.request` } } },
        },
        responses: {
          "200": {
            description:
              "Every answer, success or failure: the result is in ActionStatus/ErrorCode (REST-intro: 除非发生网络错误,否则均为200)",
            content: {
              "application/json": {
                schema: { $ref: `#/components/schemas/${cmd}.response` },
                ...(cmd === "group_add" ? { examples: GROUP_ADD_EXAMPLES } : {}),
              },
            },
          },
        },
      },
    };
  }
  // Real clients send "To_Account": null for "none" (docs/sources/real-clients.md): a mock validating requests
  // must take it, as the service does.
  const request = schemas["group_add.request"] as { properties: Json };
  request.properties.To_Account = { anyOf: [request.properties.To_Account, { type: "null" }] };
  return {
    openapi: "3.1.0",
    info: {
      title: "Tencent Cloud IM REST: friend groups (v4/sns/group_add and fixtures)",
      version: "1",
      license: { name: "MIT", identifier: "MIT" },
      description:
        "Generated from schemas/ by `npm run openapi`; see specs/openapi-differences.md for how it differs from Tencent's own file.",
    },
    tags: [
      {
        name: "group_add",
        description: "The endpoint under test (https://cloud.tencent.com/document/product/269/10107)",
      },
      { name: "fixtures", description: "Sibling endpoints the suite sets up and verifies state with" },
    ],
    security: [{ sdkappid: [], identifier: [], usersig: [] }],
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: Object.values(limits.regions).map(([domain]) => ({ url: `https://${domain}` })),
    paths,
    components: {
      // REST-intro: sdkappid, identifier and usersig in the query authenticate every call.
      securitySchemes: {
        sdkappid: {
          type: "apiKey",
          in: "query",
          name: "sdkappid",
          description: "创建应用时即时通信 IM 控制台分配的 SDKAppID",
        },
        identifier: {
          type: "apiKey",
          in: "query",
          name: "identifier",
          description: "The App admin account (REST-intro: 必须为 App 管理员账号)",
        },
        usersig: {
          type: "apiKey",
          in: "query",
          name: "usersig",
          description: "The admin's UserSig (TLSSigAPIv2)",
        },
      },
      parameters: {
        random: {
          ...param("random", "32 位无符号整数, 0 - 4294967295 (real clients sometimes leave it out)", {
            type: "integer",
            minimum: 0,
            maximum: 4294967295,
          }),
          required: false,
        },
        contenttype: param("contenttype", "固定值 json", { type: "string", const: "json" }),
      },
      schemas: used(schemas, paths),
    },
  };
}
