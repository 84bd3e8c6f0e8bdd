import { readFileSync } from "node:fs";
import { join } from "node:path";
import { specsDir } from "./paths.js";

export type CodeTag = "group_add" | "item" | "transient" | "frequency" | "auth" | "public";

/** One documented error code: its number, its name, what the docs say it means and where. */
export interface ErrorCode {
  code: number;
  name: string;
  meaning: string;
  source: string;
  tags: CodeTag[];
}

interface CodesFile {
  publicRanges: { value: Array<[number, number]> };
  codes: ErrorCode[];
}

const file = JSON.parse(readFileSync(join(specsDir, "error-codes.json"), "utf8")) as CodesFile;

/** specs/error-codes.json: the judge reads codes by name from here, never as bare numbers. */
export const ERROR_CODES: readonly ErrorCode[] = file.codes;

const byName = new Map(ERROR_CODES.map((c) => [c.name, c.code]));

/** A code by its name (specs/error-codes.json); a name not in the table is a bug of the suite. */
export function code(name: string): number {
  const c = byName.get(name);
  if (c === undefined) throw new Error(`error code ${name} is not in specs/error-codes.json`);
  return c;
}

/** Every code with this tag. */
export const codesTagged = (tag: CodeTag): number[] =>
  ERROR_CODES.filter((c) => c.tags.includes(tag)).map((c) => c.code);

/** A failure's code is documented: in the group_add page's table, or in the public code ranges. */
export function isDocumentedCode(c: number): boolean {
  return (
    codesTagged("group_add").includes(c) || file.publicRanges.value.some(([lo, hi]) => c >= lo && c <= hi)
  );
}
