import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ROLES, type Role } from "../core/roles.js";

/** Every relative import of a file: static, type-only, re-exports and dynamic import(). */
export function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1] as string);
}

/** The production sources under `src`: no tests, no declarations, nothing under src/proof/. */
export function sourcesOf(src: string, dir = src): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (relative(src, p) !== "proof") for (const [k, v] of sourcesOf(src, p)) out.set(k, v);
    } else if (f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts")) {
      out.set(p, readFileSync(p, "utf8"));
    }
  }
  return out;
}

/** The role a file belongs to (its first folder under src/, "." for src/ itself) and its room. */
export function placeOf(src: string, file: string): { role: string; room: string } {
  const parts = relative(src, file).split("/");
  const role = parts.length > 1 ? (parts[0] as string) : ".";
  const room = parts.length > 2 ? `${role}/${parts[1]}` : role;
  return { role, room };
}

export interface House {
  /** folders directly under src/ (the roles) */
  rooms: number;
  /** the longest chain of roles importing each other, counted in roles */
  floors: number;
  /** distinct role-to-role import edges */
  arrows: number;
  /** import statements that cross from one role into another */
  crossings: number;
  /** "from -> to" lines for imports the table does not allow, or into a role it does not name */
  violations: string[];
  /** pairs of rooms of one role that import each other */
  roomCycles: string[];
}

function longestChain(edges: Map<string, Set<string>>): number {
  const memo = new Map<string, number>();
  const depth = (n: string, seen: Set<string>): number => {
    const m = memo.get(n);
    if (m !== undefined) return m;
    if (seen.has(n)) return 0;
    seen.add(n);
    let d = 1;
    for (const to of edges.get(n) ?? []) d = Math.max(d, 1 + depth(to, seen));
    seen.delete(n);
    memo.set(n, d);
    return d;
  };
  return Math.max(0, ...[...edges.keys()].map((n) => depth(n, new Set())));
}

/** Measures the imports of `files` against `roles` (without a table, every folder is a role and nothing is judged). */
export function measureHouse(
  src: string,
  files: ReadonlyMap<string, string>,
  roles?: readonly Role[],
): House {
  const allowed = new Map(roles?.map((r) => [r.role, new Set(r.imports)]));
  const edges = new Map<string, Set<string>>();
  const roomEdges = new Set<string>();
  const violations: string[] = [];
  const folders = new Set<string>();
  let crossings = 0;
  for (const [file, text] of files) {
    const from = placeOf(src, file);
    if (from.role !== ".") folders.add(from.role);
    for (const spec of importsOf(text)) {
      const target = resolve(dirname(file), spec);
      const to = placeOf(src, target);
      if (from.role === to.role) {
        if (from.room !== to.room) roomEdges.add(`${from.room} -> ${to.room}`);
        continue;
      }
      crossings += 1;
      const set = edges.get(from.role) ?? new Set<string>();
      set.add(to.role);
      edges.set(from.role, set);
      if (roles && !allowed.get(from.role)?.has(to.role))
        violations.push(`${relative(src, file)} (${from.role}) -> ${relative(src, target)} (${to.role})`);
    }
  }
  const declared = new Set(roles?.flatMap((r) => Object.keys(r.rooms ?? {}).map((x) => `${r.role}/${x}`)));
  const roomCycles = [...roomEdges]
    .filter((e) => {
      const [a, b] = e.split(" -> ");
      if (a === undefined || b === undefined || !declared.has(a) || !declared.has(b)) return false;
      return a < b && roomEdges.has(`${b} -> ${a}`);
    })
    .sort();
  return {
    rooms: folders.size,
    floors: longestChain(edges),
    arrows: [...edges.values()].reduce((s, x) => s + x.size, 0),
    crossings,
    violations: violations.sort(),
    roomCycles,
  };
}

/** The house of this checkout's src/, against the role table. */
export function thisHouse(src: string): House {
  return measureHouse(src, sourcesOf(src), ROLES);
}
