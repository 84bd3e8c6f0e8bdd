import { authenticate, type SigCache } from "./auth.js";
import { type Behaviour, DEFAULT_BEHAVIOUR } from "./behaviour.js";
import { fail } from "./envelope.js";
import type { Fault } from "./faults/fault.js";
import { accountCheck, accountDelete, accountImport, multiaccountImport } from "./handlers/accounts.js";
import type { Handler } from "./handlers/context.js";
import { friendAdd, friendDelete, friendGetList, friendImport } from "./handlers/friends.js";
import { groupAdd } from "./handlers/group_add.js";
import { groupDelete, groupGet } from "./handlers/groups.js";
import { encodeBody, jsonText } from "./json-text.js";
import type { State } from "./state.js";
import type { Body, EmuConfig, EmuRequest, EmuResponse, Envelope } from "./types.js";

const ROUTES: Record<string, Handler> = {
  "sns/group_add": groupAdd,
  "sns/group_get": groupGet,
  "sns/group_delete": groupDelete,
  "sns/friend_import": friendImport,
  "sns/friend_add": friendAdd,
  "sns/friend_get_list": friendGetList,
  "sns/friend_delete": friendDelete,
  "im_open_login_svc/account_import": accountImport,
  "im_open_login_svc/multiaccount_import": multiaccountImport,
  "im_open_login_svc/account_delete": accountDelete,
  "im_open_login_svc/account_check": accountCheck,
};

/** Routes looked up directly by path: /v4/<service>/<command> -> [command, handler, service]. */
const BY_PATH = new Map<string, [string, Handler, string]>(
  Object.entries(ROUTES).map(([key, h]) => [
    `/v4/${key}`,
    [key.split("/")[1] ?? "", h, key.split("/")[0] ?? ""],
  ]),
);

/** Everything a call depends on besides the state: settings, behaviour and faults. */
export interface EmuEnv {
  config: EmuConfig;
  behaviour: Behaviour;
  faults: readonly Fault[];
  /** `random` values seen, only kept when a fault rejects reuse */
  seenRandoms: Set<string>;
  /** counts answers, for the RequestId of the extra-fields variant (deterministic, unlike a clock) */
  answered: number;
  sigCache: SigCache;
}

export function makeEnv(
  config: EmuConfig,
  faults: readonly Fault[] = [],
  behaviour: Partial<Behaviour> = {},
): EmuEnv {
  const merged: Behaviour = { ...DEFAULT_BEHAVIOUR, ...behaviour };
  for (const f of faults) Object.assign(merged, f.behaviour);
  return { config, behaviour: merged, faults, seenRandoms: new Set(), answered: 0, sigCache: new Map() };
}

function parseBody(text: string, b: Behaviour, service: string): Body | Envelope {
  // A UTF-8 byte order mark before the JSON is undocumented either way: read past it (docs/sources/real-clients.md).
  const raw = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // REST-intro: POST 包体不能为空 ... 也需要携带一个空的 JSON 对象
  if (raw.trim() === "") return fail(b.malformedJsonCode, "Fail to Parse json data of body, body is empty");
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return fail(b.malformedJsonCode, "Fail to Parse json data of body, Please check it");
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    return fail(service === "sns" ? 30001 : 70402, "SNS_DECODE_ERR: body is not a JSON object");
  }
  return v as Body;
}

/** An envelope as the HTTP answer the behaviour writes (exported for server.ts's write-conflict answer). */
export function serialise(env: Envelope, b: Behaviour): EmuResponse {
  const headers: Record<string, string> = b.responseContentType
    ? { "content-type": "application/json; charset=utf-8" }
    : {};
  return encodeBody({ status: 200, headers, body: jsonText(env, b.jsonLayout, b.jsonEscape) }, b);
}

/** Holdout faults: https://cloud.tencent.com/document/product/269/10107 random 取值范围0 - 4294967295, but 0 fails a truthiness test and an int32 parse stops at 2^31-1. */
function randomRefused(b: Behaviour, r: string | undefined): boolean {
  if (b.randomCheck === "none" || r === undefined || !/^\d+$/.test(r)) return false;
  return b.randomCheck === "truthy" ? Number(r) === 0 : Number(r) > 2147483647;
}

function route(
  state: State,
  req: EmuRequest,
  env: EmuEnv,
): { command: string; body?: Body; envelope: Envelope } {
  const b = env.behaviour;
  // A trailing slash (v4/sns/group_add/) is undocumented either way: accepted (docs/sources/real-clients.md).
  const path = req.path.length > 1 && req.path.endsWith("/") ? req.path.slice(0, -1) : req.path;
  const found = BY_PATH.get(path);
  const handler = found?.[1];
  const command = found?.[0] ?? "";
  if (!handler) return { command, envelope: fail(60009, `unknown resource ${req.path}`) };
  if (req.method !== "POST") return { command, envelope: fail(60002, "REST API only supports POST") };
  // REST-intro: contenttype 请求格式固定值为 json, and values are case-sensitive: JSON is not json.
  // Left out altogether, it is undocumented either way: accepted.
  const ct = req.query.contenttype;
  if (ct !== undefined && ct !== "json")
    return { command, envelope: fail(60002, `contenttype must be json, got ${ct.slice(0, 20)}`) };
  if (b.requireContentTypeHeader && !req.headers["content-type"]) {
    return { command, envelope: fail(60002, "Content-Type is required") };
  }
  if (b.randomOutOfRange === "reject") {
    const r = req.query.random ?? "";
    if (/^\d+$/.test(r) && Number(r) > 4294967295)
      return { command, envelope: fail(60002, "random is out of range") };
  }
  if (randomRefused(b, req.query.random)) return { command, envelope: fail(60002, "random is invalid") };
  if (b.rejectReusedRandom) {
    const r = req.query.random ?? "";
    if (env.seenRandoms.has(r)) return { command, envelope: fail(60002, "random reused") };
    env.seenRandoms.add(r);
  }
  const denied = authenticate(req, env.config, b, env.sigCache);
  if (denied) return { command, envelope: denied };
  // The service is the route's, not split out of the path again per request.
  const body = parseBody(req.body, b, found?.[2] ?? "");
  if ("ActionStatus" in body) return { command, envelope: body as Envelope };
  try {
    return { command, body, envelope: handler({ state, body, b }) };
  } catch {
    return { command, body, envelope: fail(30006, "internal error") };
  }
}

/** The emulator as a function of (state, request): the HTTP server is a thin adapter over this. */
export function handle(state: State, req: EmuRequest, env: EmuEnv): EmuResponse {
  const { command, body, envelope } = route(state, req, env);
  env.answered += 1;
  let out: Envelope | EmuResponse = envelope;
  if (env.behaviour.extraFields) out = { ...envelope, RequestId: `Id-${env.answered}-O-Seq-${state.appSeq}` };
  for (const f of env.faults) {
    if (!f.rewrite || (command !== "group_add" && !f.allCommands) || "status" in out) continue;
    out = f.rewrite({ req, command, body, envelope: out as Envelope });
  }
  return "status" in out && typeof out.status === "number"
    ? (out as EmuResponse)
    : serialise(out as Envelope, env.behaviour);
}
