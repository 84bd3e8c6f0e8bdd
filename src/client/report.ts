import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmuRequest } from "../emulator/types.js";
import type { ClientFinding } from "./check.js";
import { CLIENT_RULES } from "./rules.js";

interface Entry {
  seq: number;
  at: string;
  method: string;
  path: string;
  body: string;
  findings: ClientFinding[];
}

const level = new Map(CLIENT_RULES.map((r) => [r.id, r.level]));
const MAX_ENTRIES = 10_000;

/** client-conformance.md and .json: every request the client sent and the rules it broke, rewritten as requests arrive. */
export class ClientReport {
  private readonly entries: Entry[] = [];
  private seq = 0;

  constructor(private readonly dir: string) {}

  add(req: EmuRequest, findings: ClientFinding[]): void {
    if (this.entries.length >= MAX_ENTRIES) this.entries.shift();
    this.entries.push({
      seq: ++this.seq,
      at: new Date().toISOString(),
      method: req.method,
      path: req.path,
      body: req.body.slice(0, 2000),
      findings,
    });
    this.write();
  }

  private write(): void {
    const broken = (e: Entry, lv: string) => e.findings.filter((f) => !f.ok && level.get(f.rule) === lv);
    const must = this.entries.filter((e) => broken(e, "MUST").length > 0).length;
    const json = {
      version: 1,
      requests: this.seq,
      withMustViolations: must,
      rules: CLIENT_RULES,
      entries: this.entries,
    };
    // The usersig never reaches the report: only whether it verified.
    writeFileSync(join(this.dir, "client-conformance.json"), `${JSON.stringify(json, null, 2)}\n`);
    const lines = [
      "# Client conformance report",
      "",
      `**${must === 0 ? "✅ every request conformant" : `❌ ${must} of ${this.seq} requests break a MUST rule`}**`,
      "",
      "| # | Request | MUST broken | SHOULD broken | Observed (OPEN) |",
      "|---|---|---|---|---|",
      ...this.entries.map((e) => {
        const show = (fs: ClientFinding[]) =>
          fs.map((f) => `\`${f.rule}\` (${f.message})`).join("<br>") || "—";
        const open = e.findings
          .filter((f) => level.get(f.rule) === "OPEN")
          .map((f) => `${f.rule.replace("client-", "")}: ${f.message}`)
          .join("; ");
        return `| ${e.seq} | ${e.method} ${e.path} | ${show(broken(e, "MUST"))} | ${show(broken(e, "SHOULD"))} | ${open.replace(/\|/g, "\\|")} |`;
      }),
      "",
    ];
    writeFileSync(join(this.dir, "client-conformance.md"), lines.join("\n"));
  }
}
