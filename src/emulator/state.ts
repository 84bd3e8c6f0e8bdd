/**
 * The friend-group slice of one app. A user's friends each carry the set of
 * their groups, as friend_get_list's Tag_SNS_IM_Group shows it (docs/sources/tencent-im-rest.md §2.6).
 */
export interface User {
  id: string;
  /** group names in creation order */
  groups: string[];
  /** friend id -> names of the groups that friend is in */
  friends: Map<string, Set<string>>;
  /** the group Sequence returned as CurrentSequence */
  seq: number;
}

export interface State {
  users: Map<string, User>;
  /** app-wide counter, used when sequences are app-scoped (an open behaviour) */
  appSeq: number;
}

export function emptyState(): State {
  return { users: new Map(), appSeq: 0 };
}

export function newUser(id: string): User {
  return { id, groups: [], friends: new Map(), seq: 0 };
}

/** A deep copy, so a failed call can be rolled back and tests can compare snapshots. */
export function cloneUser(u: User): User {
  return {
    id: u.id,
    groups: [...u.groups],
    seq: u.seq,
    friends: new Map([...u.friends].map(([k, v]) => [k, new Set(v)])),
  };
}

/** Plain JSON view of the state, for tests and the control endpoint. */
export function snapshot(
  s: State,
): Record<string, { groups: string[]; friends: Record<string, string[]>; seq: number }> {
  const out: Record<string, { groups: string[]; friends: Record<string, string[]>; seq: number }> = {};
  for (const u of s.users.values()) {
    out[u.id] = {
      groups: [...u.groups],
      friends: Object.fromEntries([...u.friends].map(([k, v]) => [k, [...v]])),
      seq: u.seq,
    };
  }
  return out;
}
