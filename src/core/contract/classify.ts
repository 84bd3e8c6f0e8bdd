import { nameClasses, pairClasses } from "./classify-names.js";

/**
 * What the suite knows when it sends a call, so classes that depend on the state (a name the
 * user holds, an id that nearly matches an imported one, a friend) can be told apart.
 * Everything is optional: without it, only what the request itself shows is classified.
 */
export interface ClassifyContext {
  /** names the account holds, when known */
  held?(account: string): readonly string[] | undefined;
  /** an account the suite imported */
  imported?(id: string): boolean;
  /** the imported account this id equals when letter case is ignored, if any */
  importedIgnoringCase?(id: string): string | undefined;
  /** what `to` is to `from`, when known */
  relation?(from: string, to: string): "friend" | "stranger" | "former" | "unknown" | undefined;
  /** whether this `random` was sent before in this run */
  randomSeen?(r: string): boolean;
}

/** The parts of a request the classes are read from. */
export interface Classified {
  command: string;
  query: ReadonlyArray<readonly [string, string]>;
  headers: Readonly<Record<string, string>>;
  body: string;
}

const DOCUMENTED_ORDER = "sdkappid,identifier,usersig,random,contenttype";
const MAX_RANDOM = 4294967295n;
const DIGITS = /^\d+$/;

function queryClasses(r: Classified, ctx: ClassifyContext): string[] {
  const out: string[] = [];
  const names = r.query.map(([k]) => k).join(",");
  if (names === DOCUMENTED_ORDER) out.push("query-documented-order");
  else if (
    [...r.query.map(([k]) => k)].sort().join(",") === [...DOCUMENTED_ORDER.split(",")].sort().join(",")
  )
    out.push("query-other-order");
  const ct = Object.entries(r.headers).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  if (ct === undefined) out.push("content-type-absent");
  else if (/charset/i.test(ct)) out.push("content-type-charset");
  const random = r.query.find(([k]) => k === "random")?.[1];
  if (random !== undefined && DIGITS.test(random)) {
    const v = BigInt(random);
    out.push(
      v === 0n
        ? "random-zero"
        : v === MAX_RANDOM
          ? "random-max"
          : v > MAX_RANDOM
            ? "random-above-range"
            : "random-typical",
    );
    if (ctx.randomSeen?.(random)) out.push("random-reused");
  }
  return out;
}

function bodyOf(text: string): { value?: unknown; cls: string } {
  if (text.trim() === "") return { cls: "body-empty" };
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    const obj = typeof value === "object" && value !== null && !Array.isArray(value);
    return obj ? { value, cls: "body-object" } : { cls: "body-not-object" };
  } catch {
    return { cls: "body-not-json" };
  }
}

function fromClasses(from: unknown, ctx: ClassifyContext): string[] {
  if (from === undefined) return ["from-missing"];
  if (typeof from !== "string") return ["from-wrong-type"];
  if (from === "") return ["from-empty"];
  if (ctx.imported?.(from)) return [DIGITS.test(from) ? "from-digits-only" : "from-plain"];
  if (from.trim() !== from && ctx.imported?.(from.trim())) return ["from-space-variant"];
  if (ctx.importedIgnoringCase?.(from) !== undefined) return ["from-case-variant"];
  if (/^0\d+$/.test(from) && ctx.imported?.(from.replace(/^0+/, ""))) return ["from-leading-zero"];
  return ["from-unknown"];
}

function namesClasses(names: unknown, from: unknown, ctx: ClassifyContext): string[] {
  if (names === undefined) return ["names-missing"];
  if (!Array.isArray(names)) return ["names-wrong-type"];
  const n = names.length;
  const out = [
    n === 0
      ? "names-empty-list"
      : n === 1
        ? "names-one"
        : n < 32
          ? "names-several"
          : n === 32
            ? "names-32"
            : "names-33",
  ];
  for (const name of names) out.push(...nameClasses(name));
  const strings = names.filter((x): x is string => typeof x === "string");
  if (new Set(strings).size < strings.length) out.push("names-duplicate");
  const held = typeof from === "string" ? (ctx.held?.(from) ?? []) : [];
  const have = new Set(held);
  const old = strings.filter((s) => have.has(s)).length;
  if (old > 0) out.push(old < new Set(strings).size ? "names-existing-mixed" : "names-existing");
  out.push(...pairClasses(strings, held));
  return out;
}

function toClasses(to: unknown, from: unknown, ctx: ClassifyContext): string[] {
  if (to === undefined) return ["to-absent"];
  if (to === null) return ["to-null"];
  if (!Array.isArray(to)) return ["to-wrong-type"];
  const n = to.length;
  const out = [
    n === 0
      ? "to-empty"
      : n < 10
        ? "to-few"
        : n < 100
          ? "to-tens"
          : n < 1000
            ? "to-hundreds"
            : n === 1000
              ? "to-1000"
              : "to-1001",
  ];
  const strings = to.filter((x): x is string => typeof x === "string");
  if (strings.length < n) out.push("to-item-wrong-type");
  if (new Set(strings).size < strings.length) out.push("to-duplicates");
  const f = typeof from === "string" ? from : "";
  let friends = 0;
  for (const a of new Set(strings)) {
    const rel = ctx.relation?.(f, a);
    if (a === f) out.push("to-self");
    else if (rel === "friend") {
      friends += 1;
      out.push(DIGITS.test(a) ? "to-digits-only" : "to-friend");
    } else if (rel === "stranger") out.push("to-stranger");
    else if (rel === "former") out.push("to-former-friend");
    else {
      const same = ctx.importedIgnoringCase?.(a);
      out.push(same !== undefined && same !== a ? "to-case-variant" : "to-unknown");
    }
  }
  if (friends >= 1000) out.push("to-friends-1000");
  else if (friends >= 100) out.push("to-friends-hundreds");
  else if (friends >= 10) out.push("to-friends-tens");
  return out;
}

const HELPERS: Record<string, (b: Record<string, unknown>) => string | undefined> = {
  group_get: (b) => (b.NeedFriend === "Need_Friend_Type_Yes" ? "group-get-with-friends" : undefined),
  group_delete: (b) =>
    Array.isArray(b.GroupName) && b.GroupName.length > 0 ? "group-delete-held" : undefined,
  friend_import: (b) => (Array.isArray(b.AddFriendItem) ? "friend-import-batch" : undefined),
  friend_delete: (b) => (b.DeleteType === "Delete_Type_Both" ? "friend-delete-both" : undefined),
  friend_get_list: (b) =>
    Array.isArray(b.TagList) && b.TagList.includes("Tag_SNS_IM_Group") ? "friend-get-list-groups" : undefined,
  account_check: (b) => (Array.isArray(b.CheckItem) ? "account-check-batch" : undefined),
  multiaccount_import: (b) => (Array.isArray(b.AccountList) ? "multiaccount-import-batch" : undefined),
};

/** The input-domain classes a request belongs to (specs/input-domain.json), deduplicated. */
export function classify(r: Classified, ctx: ClassifyContext = {}): string[] {
  const parsed = bodyOf(r.body);
  const body = parsed.value as Record<string, unknown> | undefined;
  if (r.command !== "group_add") {
    const c = body && HELPERS[r.command]?.(body);
    return c ? [c] : [];
  }
  const out = [...queryClasses(r, ctx), parsed.cls];
  if (body) {
    out.push(...fromClasses(body.From_Account, ctx));
    out.push(...namesClasses(body.GroupName, body.From_Account, ctx));
    out.push(...toClasses(body.To_Account, body.From_Account, ctx));
  }
  return [...new Set(out)];
}
