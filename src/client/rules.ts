import type { Level } from "../rules/types.js";

/** What a conformant *client* sends (REST-intro, seed query table). Real clients' quirks are OPEN. */
export interface ClientRule {
  id: string;
  level: Level;
  title: string;
  source: string;
}

export const CLIENT_RULES: readonly ClientRule[] = [
  {
    id: "client-method-post",
    level: "MUST",
    title: "Calls use POST",
    source: "REST-intro: REST API 仅支持 POST 方法",
  },
  {
    id: "client-path-known",
    level: "MUST",
    title: "The path is /v4/<service>/<command> of a documented endpoint",
    source: "seed URL; reference §2",
  },
  {
    id: "client-sdkappid",
    level: "MUST",
    title: "sdkappid is the app's SDKAppID",
    source: "seed query table",
  },
  {
    id: "client-identifier-admin",
    level: "MUST",
    title: "identifier is the App admin",
    source: "REST-intro: 必须为 App 管理员账号",
  },
  {
    id: "client-usersig-valid",
    level: "MUST",
    title: "usersig is a valid, unexpired TLSSigAPIv2 signature of the identifier",
    source: "reference §5",
  },
  {
    id: "client-contenttype-json",
    level: "MUST",
    title: "contenttype=json",
    source: "seed: 请求格式固定值为 json",
  },
  {
    id: "client-random-range",
    level: "SHOULD",
    title: "random is a whole number from 0 to 4294967295",
    source: "seed: 随机的32位无符号整数; a public client sends more (real-clients.md), hence SHOULD",
  },
  {
    id: "client-body-json",
    level: "MUST",
    title: "The body is a JSON object",
    source: "REST-intro: POST 包体不能为空 … JSON",
  },
  {
    id: "client-body-schema",
    level: "MUST",
    title: "The body matches the endpoint's request schema and limits",
    source: "schemas/<command>.json (seed request table, limits)",
  },
  { id: "client-to-account-null", level: "OPEN", title: '"To_Account": null', source: "real-clients.md" },
  {
    id: "client-content-type-header",
    level: "OPEN",
    title: "Content-Type header sent",
    source: "reference §3.2: not specified",
  },
  { id: "client-random-reused", level: "OPEN", title: "random reused", source: "real-clients.md" },
];
