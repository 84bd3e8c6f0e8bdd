import fc from "fast-check";
import type { JsonKind, Mutation } from "./mutation.js";

const BY_KIND: Record<JsonKind, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 8 }),
  number: fc.integer(),
  boolean: fc.boolean(),
  array: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
  null: fc.constant(null),
};

/** A JSON value of any kind except the excluded ones. */
export function wrongType(...exclude: JsonKind[]): fc.Arbitrary<unknown> {
  const kinds = (Object.keys(BY_KIND) as JsonKind[]).filter((k) => !exclude.includes(k));
  return fc.oneof(...kinds.map((k) => BY_KIND[k]));
}

/** The field replaced by a value of another JSON type: one mutation per field. */
export function fieldOfWrongType(
  id: string,
  field: "From_Account" | "GroupName" | "To_Account",
  ...allowed: JsonKind[]
): Mutation {
  return {
    id,
    title: `${field} of another JSON type than ${allowed.join(" or ")}`,
    breaks: ["field-types"],
    mutate: (v) =>
      wrongType(...allowed).map((bad) => ({
        mutation: id,
        rule: "field-types",
        what: `${field} ${JSON.stringify(bad)}`,
        body: { ...v, [field]: bad },
      })),
  };
}

/** One entry of a list field replaced (or joined) by a value of another JSON type. */
export function entryOfWrongType(id: string, field: "GroupName" | "To_Account", insert: boolean): Mutation {
  return {
    id,
    title: `One ${field} entry of another JSON type`,
    breaks: ["field-types"],
    mutate: (v) => {
      const list: unknown[] = [...(v[field] ?? [])];
      const max = insert ? list.length : Math.max(0, list.length - 1);
      return fc.tuple(fc.nat({ max }), wrongType("string")).map(([k, bad]) => {
        const out = [...list];
        out.splice(k, insert ? 0 : 1, bad);
        return {
          mutation: id,
          rule: "field-types",
          what: `${field}[${k}] ${JSON.stringify(bad)}`,
          body: { ...v, [field]: out },
        };
      });
    },
  };
}
