import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EMULATOR_DEFAULTS } from "../../config/defaults.js";
import { Scrubber } from "../scrub.js";
import type { EmuAnswer, EmuRequest } from "../types.js";
import type { ClientFinding } from "./check.js";
import { CLIENT_RULES } from "./rules.js";

export interface ClientEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  /** the Host header and the TLS server name (SNI): which regional or backup domain the client used */
  host?: string;
  sni?: string;
  body: string;
  findings: ClientFinding[];
  /** what the request got: the emulator's own answer or a scenario step, its status and ErrorCode */
  answer?: EmuAnswer;
}

const level = new Map(CLIENT_RULES.map((r) => [r.id, r.level]));
/** The summary files show the latest requests; the journal keeps every one. */
const SHOWN = 500;
/** The summary is rewritten at most this often under load, and always on flush. */
const SUMMARY_EVERY_MS = 200;

const hostOf = (e: ClientEntry): string =>
  `${e.host ?? "—"}${e.sni && e.sni !== e.host?.replace(/:\d+$/, "") ? ` (SNI ${e.sni})` : ""}`;

/** "scenario step 3: HTTP 200, 30011", "emulator: HTTP 200, 0", "dropped" */
export const answerOf = (a: EmuAnswer | undefined): string => {
  if (!a) return "—";
  const who = a.by === "scenario" ? `scenario step ${a.step ?? "?"}` : a.by;
  return a.dropped
    ? `${who}: dropped`
    : `${who}: HTTP ${a.status}${a.errorCode !== undefined ? `, ${a.errorCode}` : ""}`;
};

const broken = (e: ClientEntry, lv: string) => e.findings.filter((f) => !f.ok && level.get(f.rule) === lv);

/**
 * The client-side conformance report. Every request is appended to
 * `client-conformance.jsonl` as it arrives (constant cost per request); the
 * summaries `client-conformance.md` and `.json` hold the counts and the latest
 * requests, are written at start, and rewritten at most every 200 ms and on
 * flush, so a busy client does not make the emulator rewrite megabytes per call.
 */
export class ClientReport {
  private readonly latest: ClientEntry[] = [];
  /** judged, not yet answered: journalled with their answer */
  private readonly pending = new Set<ClientEntry>();
  private seq = 0;
  private must = 0;
  private lastWrite = 0;
  /** how often the summaries were written (bounded under load: a test checks it) */
  summaryWrites = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    /** takes credentials out of the paths and bodies it writes (the emulator's key, any UserSig) */
    private readonly scrub = new Scrubber(EMULATOR_DEFAULTS.secretKey, EMULATOR_DEFAULTS.secretKey),
  ) {
    writeFileSync(join(dir, "client-conformance.jsonl"), "");
    this.write();
  }

  get requests(): number {
    return this.seq;
  }

  /** The latest entries, oldest first (the control API reads these). */
  entries(): readonly ClientEntry[] {
    return this.latest;
  }

  /**
   * Judges a request as it arrives; the returned function takes its answer, and the request's line
   * goes to the journal then, answer included (issue 22: which answer or step each request got).
   */
  add(req: EmuRequest, findings: ClientFinding[]): (answer: EmuAnswer) => void {
    const entry: ClientEntry = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      method: req.method,
      path: this.scrub.text(req.path),
      ...(req.host ? { host: req.host } : {}),
      ...(req.sni ? { sni: req.sni } : {}),
      body: this.scrub.text(req.body.slice(0, 2000)),
      findings: JSON.parse(this.scrub.text(JSON.stringify(findings))) as ClientFinding[],
    };
    if (broken(entry, "MUST").length > 0) this.must += 1;
    if (this.latest.length >= SHOWN) this.latest.shift();
    this.latest.push(entry);
    this.pending.add(entry);
    this.due();
    return (answer) => {
      entry.answer = answer;
      this.journal(entry);
      this.due();
    };
  }

  /** One line per request in the journal, once. */
  private journal(entry: ClientEntry): void {
    if (!this.pending.delete(entry)) return;
    appendFileSync(join(this.dir, "client-conformance.jsonl"), `${JSON.stringify(entry)}\n`);
  }

  private due(): void {
    const due = this.lastWrite + SUMMARY_EVERY_MS - Date.now();
    if (due <= 0) this.write();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.write(), due);
      this.timer.unref();
    }
  }

  /** Writes the summaries now (on close, before a reader looks), and journals requests never answered. */
  flush(): void {
    for (const e of [...this.pending]) this.journal(e);
    this.write();
  }

  private write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastWrite = Date.now();
    this.summaryWrites += 1;
    const json = {
      version: 3,
      requests: this.seq,
      withMustViolations: this.must,
      shown: this.latest.length,
      journal: "client-conformance.jsonl",
      rules: CLIENT_RULES,
      entries: this.latest,
    };
    // The usersig never reaches the report: only whether it verified.
    writeFileSync(join(this.dir, "client-conformance.json"), `${JSON.stringify(json, null, 2)}\n`);
    const show = (fs: ClientFinding[]) => fs.map((f) => `\`${f.rule}\` (${f.message})`).join("<br>") || "—";
    const lines = [
      "# Client conformance report",
      "",
      `**${this.seq === 0 ? "no request yet" : this.must === 0 ? `✅ all ${this.seq} requests conformant` : `❌ ${this.must} of ${this.seq} requests break a MUST rule`}**`,
      "",
      this.seq > this.latest.length
        ? `The latest ${this.latest.length} requests; every one is in client-conformance.jsonl.\n`
        : "",
      "| # | Request | Host (SNI) | Answer | MUST broken | SHOULD broken | Observed (OPEN) |",
      "|---|---|---|---|---|---|---|",
      ...this.latest.map((e) => {
        const open = e.findings
          .filter((f) => level.get(f.rule) === "OPEN")
          .map((f) => `${f.rule.replace("client-", "")}: ${f.message}`)
          .join("; ");
        return `| ${e.seq} | ${e.method} ${e.path} | ${hostOf(e)} | ${answerOf(e.answer)} | ${show(broken(e, "MUST"))} | ${show(broken(e, "SHOULD"))} | ${open.replace(/\|/g, "\\|")} |`;
      }),
      "",
    ];
    writeFileSync(join(this.dir, "client-conformance.md"), lines.join("\n"));
  }
}
