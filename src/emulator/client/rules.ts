import type { Level } from "../../core/kernel/rule.js";

/** What a conformant *client* sends (REST-intro, https://cloud.tencent.com/document/product/269/10107 query table). Real clients' quirks are OPEN. */
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
    source: "https://cloud.tencent.com/document/product/269/10107 URL; docs/sources/tencent-im-rest.md §2",
  },
  {
    id: "client-sdkappid",
    level: "MUST",
    title: "sdkappid is the app's SDKAppID",
    source: "https://cloud.tencent.com/document/product/269/10107 query table",
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
    source: "docs/sources/tencent-im-rest.md §5",
  },
  {
    id: "client-contenttype-json",
    level: "MUST",
    title: "contenttype, when sent, is json exactly (values are case-sensitive)",
    source:
      "https://cloud.tencent.com/document/product/269/10107: 请求格式固定值为 json; REST-intro: 参数名称及其取值均区分大小写",
  },
  {
    id: "client-random-range",
    level: "SHOULD",
    title: "random, when sent, is a whole number from 0 to 4294967295",
    source:
      "https://cloud.tencent.com/document/product/269/10107: 随机的32位无符号整数; a public client sends more (docs/sources/real-clients.md), hence SHOULD",
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
    source:
      "schemas/<command>.json (https://cloud.tencent.com/document/product/269/10107 request table, limits)",
  },
  {
    id: "client-optional-null",
    level: "OPEN",
    title:
      'null for a field ("To_Account": null, "GroupName": null in friend_import), judged as the field left out',
    source: "docs/sources/real-clients.md; the docs mark these fields optional (选填) and never mention null",
  },
  {
    id: "client-content-type-header",
    level: "OPEN",
    title: "Content-Type header sent",
    source: "docs/sources/tencent-im-rest.md §3.2: not specified",
  },
  {
    id: "client-random-reused",
    level: "OPEN",
    title: "random reused",
    source: "docs/sources/real-clients.md",
  },
  {
    id: "client-random-missing",
    level: "OPEN",
    title: "random not sent (the docs do not say it is optional or required)",
    source: "https://cloud.tencent.com/document/product/269/1519 (REST API 简介), 请求 URL",
  },
  {
    id: "client-contenttype-missing",
    level: "OPEN",
    title: "contenttype not sent",
    source: "https://cloud.tencent.com/document/product/269/1519 (REST API 简介), 请求 URL",
  },
  {
    id: "client-body-bom",
    level: "OPEN",
    title: "a UTF-8 byte order mark before the JSON body (read past it)",
    source: "docs/sources/real-clients.md: not settled by the docs",
  },
  {
    id: "client-path-trailing-slash",
    level: "OPEN",
    title: "a trailing slash after the command (v4/sns/group_add/)",
    source: "docs/sources/real-clients.md: not settled by the docs",
  },
];
