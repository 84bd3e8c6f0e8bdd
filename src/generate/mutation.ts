import type fc from "fast-check";
import type { SigMinter } from "../judge/probe/credentials.js";
import type { QueryName } from "../judge/probe/request.js";
import type { Relations } from "./accounts.js";
import type { GroupAddBody } from "./payload.js";

/** What a mutation may draw on besides the valid payload. */
export interface MutationEnv {
  relations: Relations;
  adminSig: string;
  /** present when the suite holds the secret key */
  sig: SigMinter | undefined;
  /** a pool account that is not the App admin */
  otherUser: string;
}

/** One invalid request: the defect, the rule it breaks, and what is sent. */
export interface Mutated {
  mutation: string;
  rule: string;
  what: string;
  /** a JSON body (possibly of the wrong shape) */
  body?: unknown;
  /** raw bytes instead of a JSON body */
  raw?: string;
  /** query parameters replaced (null: left out) */
  query?: Partial<Record<QueryName, string | null>>;
}

/**
 * A valid payload plus exactly one defect. The rule is the one the defect breaks,
 * so a target that accepts the case is reported against that rule.
 */
export interface Mutation {
  id: string;
  title: string;
  /** the rules its cases break, from specs/rules.json (as faults declare theirs); a test holds each case to it */
  breaks: readonly string[];
  /** only with the secret key (it mints signatures) */
  needsKey?: boolean;
  mutate(valid: GroupAddBody, env: MutationEnv): fc.Arbitrary<Mutated>;
}

/** A JSON value of any type but `allowed`, for wrong-type mutations. */
export type JsonKind = "string" | "number" | "boolean" | "array" | "object" | "null";
