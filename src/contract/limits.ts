import { readFileSync } from "node:fs";
import { join } from "node:path";
import { specsDir } from "./paths.js";

interface Sourced<T> {
  value: T;
  source: string;
}

interface LimitsFile {
  maxGroupsPerUser: Sourced<number>;
  maxNamesPerRequest: Sourced<number>;
  maxFriendsPerRequest: Sourced<number>;
  maxNameBytes: Sourced<number>;
  serverTimeoutSeconds: Sourced<number>;
  groupAddCodes: Sourced<number[]>;
  itemCodesSeen: Sourced<number[]>;
  publicCodeRanges: Sourced<Array<[number, number]>>;
  transientCodes: Sourced<number[]>;
  frequencyCodes: Sourced<number[]>;
  regions: Sourced<Record<string, [string, string]>>;
}

const raw = JSON.parse(readFileSync(join(specsDir, "limits.json"), "utf8")) as LimitsFile;

/** specs/limits.json with the sources stripped: the numbers the suite judges by. */
export const limits = {
  maxGroupsPerUser: raw.maxGroupsPerUser.value,
  maxNamesPerRequest: raw.maxNamesPerRequest.value,
  maxFriendsPerRequest: raw.maxFriendsPerRequest.value,
  maxNameBytes: raw.maxNameBytes.value,
  serverTimeoutSeconds: raw.serverTimeoutSeconds.value,
  groupAddCodes: raw.groupAddCodes.value,
  itemCodesSeen: raw.itemCodesSeen.value,
  publicCodeRanges: raw.publicCodeRanges.value,
  transientCodes: raw.transientCodes.value,
  frequencyCodes: raw.frequencyCodes.value,
  regions: raw.regions.value,
} as const;

export function isDocumentedCode(code: number): boolean {
  return (
    limits.groupAddCodes.includes(code) ||
    limits.publicCodeRanges.some(([lo, hi]) => code >= lo && code <= hi)
  );
}

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, "utf8");
