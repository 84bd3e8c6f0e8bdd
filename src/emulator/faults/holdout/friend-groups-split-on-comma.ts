import type { HoldoutFault } from "./holdout.js";

type Item = { Tag?: unknown; Value?: unknown };

/** A friend's group names kept as one comma-joined string and split again on the way out. */
const resplit = (v: unknown): unknown => (Array.isArray(v) ? v.join(",").split(",") : v);

// The names travel through a comma-separated column: "a,b" comes back as two groups, a and b.
export const friendGroupsSplitOnComma = {
  id: "friend-groups-split-on-comma",
  title: "friend_get_list splits group names on commas: a friend in group a,b is shown in groups a and b",
  class: "names",
  promise:
    "friend_get_list's Tag_SNS_IM_Group lists the names of the friend's groups as they were added, a name holding a comma included.",
  clause: "`Tag_SNS_IM_Group` value is an **array of group names**",
  source: "docs/sources/tencent-im-rest.md §2.6",
  neighbour: "friend-groups-sorted",
  allCommands: true,
  rewrite: ({ command, envelope }) => {
    if (command !== "friend_get_list" || !Array.isArray(envelope.InfoItem)) return envelope;
    const InfoItem = envelope.InfoItem.map((info: Record<string, unknown>) =>
      Array.isArray(info.SnsProfileItem)
        ? {
            ...info,
            SnsProfileItem: info.SnsProfileItem.map((p: Item) =>
              p.Tag === "Tag_SNS_IM_Group" ? { ...p, Value: resplit(p.Value) } : p,
            ),
          }
        : info,
    );
    return { ...envelope, InfoItem };
  },
} satisfies HoldoutFault;
