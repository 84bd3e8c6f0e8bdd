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
  regions: raw.regions.value,
} as const;

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, "utf8");
