import { commandOf } from "../../core/contract/endpoints.js";
import { type Command, ENDPOINTS, validate } from "../../core/contract/schemas.js";
import { RULES } from "../../core/rules/catalogue.js";
import type { Definition, Recording } from "../record/recording.js";

export type ChangeKind =
  | "changed-status"
  | "new-field"
  | "missing-field"
  | "changed-type"
  | "changed-code"
  | "changed-text"
  | "changed-value"
  | "schema"
  | "request-gone"
  | "request-new";

export interface Change {
  kind: ChangeKind;
  command: string;
  /** the field, array positions folded to [] so one change across many items reads once */
  field: string;
  before: string;
  after: string;
  /** how many exchanges showed it */
  count: number;
  /** whether it alone makes the drift run fail */
  breaking: boolean;
}

export interface VerdictChange {
  rule: string;
  level: string;
  before: string;
  after: string;
}

export interface Drift {
  changes: Change[];
  verdicts: VerdictChange[];
  /** OPEN rules whose observed behaviour changed: information, never a failure */
  openBehaviours: Array<{ rule: string; before: string[]; after: string[] }>;
  exchanges: { before: number; after: number; paired: number };
  failed: boolean;
}

const CODE_FIELDS = new Set(["ErrorCode", "ResultCode"]);
const TEXT_FIELDS = new Set(["ErrorInfo", "ResultInfo", "ErrorDisplay"]);
/** values that legitimately differ between runs: their type is compared, not their value */
const VOLATILE = new Set(["CurrentSequence", "RequestId"]);
const typeOf = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;

/** Leaf paths of a JSON value: "/ResultItem/[]/ResultCode" -> value. */
function leaves(v: unknown, path = "", out = new Map<string, unknown[]>()): Map<string, unknown[]> {
  if (v !== null && typeof v === "object") {
    const entries = Array.isArray(v) ? v.map((x) => ["[]", x] as const) : Object.entries(v);
    if (entries.length === 0) out.set(path || "/", [...(out.get(path || "/") ?? []), v]);
    for (const [k, x] of entries) leaves(x, `${path}/${k}`, out);
  } else out.set(path || "/", [...(out.get(path || "/") ?? []), v]);
  return out;
}

/** Array order is an open behaviour (ResultItem order): values compare as multisets. */
const multiset = (values: unknown[]): string => JSON.stringify(values.map((v) => JSON.stringify(v)).sort());

function schemaOk(cmd: string, response: unknown): boolean {
  return (
    !(ENDPOINTS as readonly string[]).includes(cmd) ||
    validate(cmd as Command, "response", response).length === 0
  );
}

function diffPair(a: Definition, b: Definition, add: (c: Omit<Change, "count">) => void): void {
  const cmd = commandOf(a.path);
  if (a.status !== b.status)
    add({
      kind: "changed-status",
      command: cmd,
      field: "HTTP status",
      before: String(a.status),
      after: String(b.status),
      breaking: true,
    });
  if (schemaOk(cmd, a.response) && !schemaOk(cmd, b.response)) {
    const issue = validate(cmd as Command, "response", b.response)[0];
    add({
      kind: "schema",
      command: cmd,
      field: issue?.instancePath || "/",
      before: "matches schemas/",
      after: issue?.message ?? "",
      breaking: true,
    });
  }
  const la = leaves(a.response);
  const lb = leaves(b.response);
  const status = (r: unknown) =>
    r !== null && typeof r === "object" ? (r as Record<string, unknown>).ActionStatus : undefined;
  if (status(a.response) !== status(b.response)) {
    // Success became failure or the reverse: the fields differ because the answer does; the
    // envelope says what changed, and the verdicts say whether a rule cares.
    for (const f of ["/ActionStatus", "/ErrorCode", "/ErrorInfo"]) {
      const [x, y] = [String(la.get(f)?.[0]), String(lb.get(f)?.[0])];
      if (x !== y)
        add({
          kind: f === "/ErrorCode" ? "changed-code" : f === "/ErrorInfo" ? "changed-text" : "changed-value",
          command: cmd,
          field: f,
          before: x,
          after: y,
          breaking: false,
        });
    }
    return;
  }
  for (const [field, values] of la) {
    const key = field.split("/").at(-1) ?? field;
    const other = lb.get(field);
    if (!other) {
      add({
        kind: "missing-field",
        command: cmd,
        field,
        before: typeOf(values[0]),
        after: "(absent)",
        breaking: true,
      });
      continue;
    }
    const [ta, tb] = [typeOf(values[0]), typeOf(other[0])];
    if (ta !== tb) add({ kind: "changed-type", command: cmd, field, before: ta, after: tb, breaking: true });
    else if (!VOLATILE.has(key) && multiset(values) !== multiset(other)) {
      const kind: ChangeKind = CODE_FIELDS.has(key)
        ? "changed-code"
        : TEXT_FIELDS.has(key)
          ? "changed-text"
          : "changed-value";
      const show = (vs: unknown[]) => {
        const n = new Map<string, number>();
        for (const v of vs.map(String)) n.set(v, (n.get(v) ?? 0) + 1);
        return [...n]
          .sort()
          .map(([v, c]) => (c > 1 ? `${v}×${c}` : v))
          .join(",");
      };
      add({ kind, command: cmd, field, before: show(values), after: show(other), breaking: false });
    }
  }
  for (const [field, values] of lb) {
    if (!la.has(field))
      add({
        kind: "new-field",
        command: cmd,
        field,
        before: "(absent)",
        after: typeOf(values[0]),
        breaking: false,
      });
  }
}

/**
 * Compares a recording with a new run of the same cases. Exchanges pair by
 * request (normalised path and body) and order. A run fails on a change in a
 * MUST rule's verdict, or one that touches the schemas (a field gone, a type
 * changed, an answer that no longer matches schemas/, another HTTP status);
 * codes, values, text, new fields and open behaviours are reported only.
 */
export function compareRecordings(before: Recording, after: Recording): Drift {
  const grouped = new Map<string, Change>();
  const add = (c: Omit<Change, "count">) => {
    const k = [c.kind, c.command, c.field, c.before, c.after].join("\u0000");
    const g = grouped.get(k);
    if (g) g.count += 1;
    else grouped.set(k, { ...c, count: 1 });
  };
  const queue = new Map<string, Definition[]>();
  for (const d of after.definitions)
    queue.set(`${d.path}\n${d.body}`, [...(queue.get(`${d.path}\n${d.body}`) ?? []), d]);
  let paired = 0;
  for (const a of before.definitions) {
    const b = queue.get(`${a.path}\n${a.body}`)?.shift();
    if (b) {
      paired += 1;
      diffPair(a, b, add);
    } else
      add({
        kind: "request-gone",
        command: commandOf(a.path),
        field: a.path.split("?")[0] ?? "",
        before: "made",
        after: "not made",
        breaking: false,
      });
  }
  for (const rest of queue.values())
    for (const b of rest)
      add({
        kind: "request-new",
        command: commandOf(b.path),
        field: b.path.split("?")[0] ?? "",
        before: "not made",
        after: "made",
        breaking: false,
      });
  const level = new Map(RULES.map((r) => [r.id, r.level]));
  const verdicts = Object.keys(before.verdicts)
    .filter((id) => before.verdicts[id] !== after.verdicts[id] && level.get(id) !== "OPEN")
    .map((id) => ({
      rule: id,
      level: level.get(id) ?? "?",
      before: before.verdicts[id] ?? "",
      after: after.verdicts[id] ?? "(absent)",
    }));
  const openBehaviours = Object.keys(before.observations)
    .filter(
      (id) =>
        JSON.stringify([...(before.observations[id] ?? [])].sort()) !==
        JSON.stringify([...(after.observations[id] ?? [])].sort()),
    )
    .map((id) => ({ rule: id, before: before.observations[id] ?? [], after: after.observations[id] ?? [] }));
  const changes = [...grouped.values()];
  return {
    changes,
    verdicts,
    openBehaviours,
    exchanges: { before: before.definitions.length, after: after.definitions.length, paired },
    failed: changes.some((c) => c.breaking) || verdicts.some((v) => v.level === "MUST"),
  };
}
