// Test support for the holdout faults: an emulator on loopback with one fault or variant, and a
// client that reads answers the way real clients do (undoing the declared Content-Encoding, as
// OkHttp, Go's net/http and Python requests do). Only the holdout tests import it.

import { gunzipSync, inflateSync } from "node:zlib";
import { request } from "undici";
import { mintUserSig } from "../../core/usersig/sign.js";
import { HOLDOUT_FAULTS } from "../../emulator/faults/holdout/index.js";
import { faultById } from "../../emulator/faults/index.js";
import { startEmulator } from "../../emulator/server.js";
import { variantById } from "../../emulator/variants.js";

const cfg = {
  sdkappid: 1400000001,
  identifier: "admin",
  secretKey: "holdout-key",
  now: () => Math.floor(Date.now() / 1000),
};

export interface Answer {
  status: number;
  encoding: string | undefined;
  /** the body as text, after the declared Content-Encoding is undone */
  text: string;
  /** the body parsed, or undefined when it is not a JSON object */
  json: Record<string, unknown> | undefined;
}

export interface Emu {
  call(command: string, body: unknown, query?: Record<string, string>): Promise<Answer>;
}

/** Whether the scenario found the promise kept. */
export type Scenario = (c: Emu) => Promise<boolean>;

function decode(bytes: Buffer, encoding: string | undefined): string {
  if (encoding === "gzip") return gunzipSync(bytes).toString("utf8");
  if (encoding === "deflate") return inflateSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

function parsed(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a scenario against a fresh emulator: the reference, or one holdout fault or variant by id. */
export async function run(o: { fault?: string; variant?: string }, scenario: Scenario): Promise<boolean> {
  const fault = o.fault === undefined ? undefined : faultById(o.fault);
  const variant = o.variant === undefined ? undefined : variantById(o.variant);
  if ((o.fault && !fault) || (o.variant && !variant)) throw new Error(`unknown id ${o.fault ?? o.variant}`);
  const emu = await startEmulator({
    config: cfg,
    faults: fault ? [fault] : [],
    behaviour: variant?.behaviour ?? {},
  });
  const usersig = mintUserSig({ ...cfg, expire: 3600, now: cfg.now() });
  let random = 0;
  const c: Emu = {
    async call(command, body, query = {}) {
      const service = command.includes("account") ? "im_open_login_svc" : "sns";
      const q = new URLSearchParams({
        sdkappid: String(cfg.sdkappid),
        identifier: cfg.identifier,
        usersig,
        random: String(++random),
        contenttype: "json",
        ...query,
      });
      const res = await request(`${emu.url}/v4/${service}/${command}?${q}`, {
        method: "POST",
        body: JSON.stringify(body),
      });
      const bytes = Buffer.from(await res.body.arrayBuffer());
      const enc = res.headers["content-encoding"];
      const encoding = typeof enc === "string" ? enc : undefined;
      const text = decode(bytes, encoding);
      return { status: res.statusCode, encoding, text, json: parsed(text) };
    },
  };
  try {
    return await scenario(c);
  } finally {
    await emu.close();
  }
}

/** The ids of the holdout faults of these classes, sorted. */
export const idsOf = (...classes: string[]): string[] =>
  HOLDOUT_FAULTS.filter((f) => classes.includes(f.class))
    .map((f) => f.id)
    .sort();

export const neighbourOf = (id: string): string => HOLDOUT_FAULTS.find((f) => f.id === id)?.neighbour ?? "";

// Setup and observation through the documented sibling endpoints (docs/sources/tencent-im-rest.md §2).

export async function accounts(c: Emu, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 100)
    await c.call("multiaccount_import", { Accounts: ids.slice(i, i + 100) });
}

export async function befriend(c: Emu, from: string, tos: string[]): Promise<void> {
  const AddFriendItem = tos.map((To_Account) => ({ To_Account, AddSource: "AddSource_Type_Holdout" }));
  await c.call("friend_import", { From_Account: from, AddFriendItem });
}

export const add = (c: Emu, from: string, names: string[], to?: string[], query?: Record<string, string>) =>
  c.call("group_add", { From_Account: from, GroupName: names, ...(to ? { To_Account: to } : {}) }, query);

export const ok = (a: Answer): boolean => a.json?.ActionStatus === "OK" && a.json.ErrorCode === 0;

export const seqOf = (a: Answer): number =>
  typeof a.json?.CurrentSequence === "number" ? a.json.CurrentSequence : -1;

export interface GroupInfo {
  GroupName: string;
  FriendNumber: number;
  To_Account?: string[];
}

/** group_get with the members (NeedFriend), and its CurrentSequence. */
export async function groupGet(c: Emu, from: string): Promise<{ groups: GroupInfo[]; seq: number }> {
  const a = await c.call("group_get", { From_Account: from, NeedFriend: "Need_Friend_Type_Yes" });
  const items = a.json?.ResultItem;
  return { groups: Array.isArray(items) ? (items as GroupInfo[]) : [], seq: seqOf(a) };
}

export const names = async (c: Emu, from: string): Promise<string[]> =>
  (await groupGet(c, from)).groups.map((g) => g.GroupName);

/** friend_get_list's Tag_SNS_IM_Group for one friend (docs/sources/tencent-im-rest.md §2.6). */
export async function friendGroups(c: Emu, from: string, to: string): Promise<unknown> {
  const a = await c.call("friend_get_list", {
    From_Account: from,
    To_Account: [to],
    TagList: ["Tag_SNS_IM_Group"],
  });
  const info = (
    a.json?.InfoItem as { SnsProfileItem?: { Tag: string; Value: unknown }[] }[] | undefined
  )?.[0];
  return info?.SnsProfileItem?.find((p) => p.Tag === "Tag_SNS_IM_Group")?.Value;
}

export const sameSet = (a: unknown, b: string[]): boolean =>
  Array.isArray(a) && a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
