import fc from "fast-check";
import { type Relations, toAccounts } from "./accounts.js";
import { groupNames, type NamesConstraints } from "./names.js";

export interface GroupAddBody {
  From_Account: string;
  GroupName: string[];
  To_Account?: string[];
}

export interface PayloadConstraints extends NamesConstraints {
  from: string;
  relations: Relations;
  maxFriends?: number;
}

/** A valid group_add body (https://cloud.tencent.com/document/product/269/10107 request table): the optional To_Account present or absent. */
export function validPayload(c: PayloadConstraints): fc.Arbitrary<GroupAddBody> {
  return fc.record(
    {
      From_Account: fc.constant(c.from),
      GroupName: groupNames(c),
      To_Account: toAccounts(c.relations, c.maxFriends ?? 1000),
    },
    { requiredKeys: ["From_Account", "GroupName"] },
  );
}
