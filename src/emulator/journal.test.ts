import { describe, expect, it } from "vitest";
import { EMULATOR_DEFAULTS } from "../config/defaults.js";
import { type ClientSeen, JOURNAL_MAX, journalOf, type Live, record } from "./control.js";
import { makeEnv } from "./handle.js";
import { Scrubber } from "./scrub.js";
import { emptyState } from "./state.js";
import type { EmuRequest } from "./types.js";

const live = (): Live => ({
  state: emptyState(),
  env: makeEnv({ ...EMULATOR_DEFAULTS, now: () => 1_764_000_000 }),
  scenario: undefined,
  journal: [],
  journalAt: 0,
  seq: 0,
  randoms: new Set(),
  scrub: new Scrubber(EMULATOR_DEFAULTS.secretKey, EMULATOR_DEFAULTS.secretKey),
});
const req = (random: string, body = "{}"): EmuRequest => ({
  method: "POST",
  path: "/v4/sns/group_get",
  query: { usersig: "secret-sig", random },
  headers: {},
  body,
});

describe("the emulator's journal (issue 25: kept by reference, judged and scrubbed when read)", () => {
  it("judges nothing until read, then each request with what it met on arrival, in order", () => {
    const l = live();
    const seen: Array<[string, ClientSeen]> = [];
    const hooks = {
      verdict: (r: EmuRequest, s: ClientSeen) => {
        seen.push([r.query.random ?? "", s]);
        return [{ rule: "client-random-reused", ok: true, message: s.reused ? "reused" : "fresh" }];
      },
    };
    for (const r of ["1", "2", "1"]) record(l, req(r), hooks);
    expect(seen).toEqual([]);
    const j = journalOf(l, hooks);
    expect(j.map((e) => [e.seq, e.query.random, e.query.usersig])).toEqual([
      [1, "1", "[REDACTED]"],
      [2, "2", "[REDACTED]"],
      [3, "1", "[REDACTED]"],
    ]);
    expect(j.map((e) => (e.verdict as Array<{ message: string }>)[0]?.message)).toEqual([
      "fresh",
      "fresh",
      "reused",
    ]);
    expect(seen.every(([, s]) => s.now === 1_764_000_000)).toBe(true);
    // Worked out once: a second read judges nothing again.
    journalOf(l, hooks);
    expect(seen).toHaveLength(3);
  });

  it("keeps the latest JOURNAL_MAX requests, oldest first, and views a long body at once", () => {
    const l = live();
    const hooks = { verdict: () => [] };
    for (let k = 0; k < JOURNAL_MAX + 5; k++) record(l, req(String(k)), hooks);
    const long = record(l, req("long", `{"x":"${"a".repeat(5000)}"}`), hooks);
    expect(long.req).toBeUndefined();
    expect(long.view?.body).toHaveLength(2000);
    const j = journalOf(l, hooks);
    expect(j).toHaveLength(JOURNAL_MAX);
    expect(j[0]?.seq).toBe(7);
    expect(j.at(-1)?.seq).toBe(JOURNAL_MAX + 6);
    expect(j.map((e) => e.seq)).toEqual([...j.map((e) => e.seq)].sort((a, b) => a - b));
  });
});
