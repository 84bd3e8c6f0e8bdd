/** What group_get says of a user (https://cloud.tencent.com/document/product/269/54763, 应答包字段说明). */
export interface GroupView {
  names: string[];
  members: Map<string, string[]>;
  /** FriendNumber per group, as sent (该分组下的好友数量) */
  counts: Map<string, unknown>;
  seq: number | undefined;
}

/** The objects of a JSON array, or none when it is not one: never a crash on a wrong shape. */
export function itemsOf(v: unknown): Array<Record<string, unknown>> {
  return Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x))
    : [];
}

/** A group_get answer as a view of the user's groups and their members. */
export function viewOf(res: Record<string, unknown>): GroupView {
  const items = itemsOf(res.ResultItem);
  return {
    names: items.map((i) => String(i.GroupName)),
    members: new Map(
      items.map((i) => [String(i.GroupName), Array.isArray(i.To_Account) ? i.To_Account.map(String) : []]),
    ),
    counts: new Map(items.map((i) => [String(i.GroupName), i.FriendNumber])),
    seq: typeof res.CurrentSequence === "number" ? res.CurrentSequence : undefined,
  };
}

/**
 * Each friend's groups as friend_get_list's Tag_SNS_IM_Group shows them (docs/sources/tencent-im-rest.md §2.6), the other
 * way of seeing who is in which group; an item that failed (not a friend) is left out.
 */
export function tagsOf(res: Record<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const info of itemsOf(res.InfoItem)) {
    if (info.ResultCode !== undefined && info.ResultCode !== 0) continue;
    const tag = itemsOf(info.SnsProfileItem).find((p) => p.Tag === "Tag_SNS_IM_Group");
    out.set(String(info.To_Account), Array.isArray(tag?.Value) ? tag.Value.map(String) : []);
  }
  return out;
}
