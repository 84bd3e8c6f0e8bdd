import { join } from "node:path";
import { repoRoot } from "../core/contract/paths.js";
import { ROLES } from "../core/roles.js";
import { markdownCell } from "../report/escape.js";
import { thisHouse } from "./house.js";

/** docs/architecture.md's generated part: the role table and the house measured against it. */
export function houseTable(): string {
  const h = thisHouse(join(repoRoot, "src"));
  const rows = ROLES.map((r) => {
    const where = r.role === "." ? "`src/bin.ts`, `src/index.ts`" : `\`src/${r.role}/\``;
    const rooms = Object.entries(r.rooms ?? {})
      .map(([room, what]) => `<br>\`${room}/\`: ${markdownCell(what)}`)
      .join("");
    const may = r.imports.length ? r.imports.map((x) => `\`${x}\``).join(", ") : "nothing of the suite";
    return `| ${where} | ${markdownCell(r.holds)}${rooms} | ${may} |`;
  });
  return [
    "| Role | Holds | May import |",
    "|---|---|---|",
    ...rows,
    "",
    `Measured: ${h.rooms} roles (folders under \`src/\`), ${h.floors} floors (the longest chain of roles importing each other, \`src/\` itself included), ${h.arrows} arrows (distinct role-to-role imports), ${h.violations.length} against the table.`,
    "",
  ].join("\n");
}
