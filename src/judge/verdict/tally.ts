import { EXIT } from "../../core/kernel/errors.js";
import type { Finding, Listener, RunEvent, RunInfo } from "../../core/kernel/events.js";
import type { Exchange } from "../../core/kernel/exchange.js";
import type { Rule } from "../../core/kernel/rule.js";
import { RULES } from "../../core/rules/catalogue.js";
import { Series } from "./series.js";

/** How a rule stands after a run. `warn` is a SHOULD that did not hold; it never fails a run. */
export type RuleStatus = "pass" | "fail" | "warn" | "observed" | "error" | "not-judged";

export interface CaseRecord {
  passes: number;
  failures: Finding[];
  failureCount: number;
  observations: Array<{ value: string; exchange?: Exchange }>;
  skips: string[];
  errors: string[];
}

export interface RuleResult {
  rule: Rule;
  status: RuleStatus;
  byCase: Map<string, CaseRecord>;
  /** the stable testcases of the rule when they are not the suite's cases (observe: one, the traffic) */
  testcases?: string[];
}

/** The rule whose passes are the evidence that valid requests work. */
const EVIDENCE_RULE = "valid-request-accepted";

/** The verdict word of an exit code, the same in every report. */
export function verdictOf(code: number): "CONFORMANT" | "NOT CONFORMANT" | "NOT JUDGED" | "INTERRUPTED" {
  if (code === EXIT.pass) return "CONFORMANT";
  if (code === EXIT.violation) return "NOT CONFORMANT";
  if (code === EXIT.sigint || code === EXIT.sigterm) return "INTERRUPTED";
  return "NOT JUDGED";
}

/** How often one input-domain class was sent, and which rules judged the answers. */
export interface ClassCoverage {
  sent: number;
  rules: Set<string>;
}

/** Exchanges whose classes are remembered until their findings arrive (they follow at once). */
const CLASS_MEMORY = 4096;

/** Evidence kept per rule and case: enough to show, bounded so 100k cases stay flat in memory. */
const KEEP_FAILURES = 5;
const KEEP_OBSERVATIONS = 5;

/** Folds run events into per-rule verdicts; every reporter reads from one of these. */
export class Tally {
  info: RunInfo | undefined;
  readonly caseErrors: Array<{ caseId: string; code: string; message: string }> = [];
  readonly notices: string[] = [];
  exchanges = 0;
  /** generated (property and stateful) cases that judged each rule */
  readonly generated = new Map<string, number>();
  /** what the HTML report draws: generated payload sizes and the stateful run's sequence, bounded */
  readonly series = new Series();
  /** how long each case that ran took, in ms (JUnit's time, the HTML report's chart) */
  readonly caseMs = new Map<string, number>();
  /** specs/input-domain.json classes sent, and the rules that judged their answers (issue 20) */
  readonly coverage = new Map<string, ClassCoverage>();
  private readonly classesBySeq = new Map<number, readonly string[]>();
  incomplete = false;
  /** the signal that stopped the run, if one did */
  interrupted: "SIGINT" | "SIGTERM" | undefined;
  ms = 0;
  private readonly rules: Map<string, Map<string, CaseRecord>>;

  /** `catalogue`: the rules it folds, specs/rules.json unless a mode judges more (observe adds the client's) */
  constructor(private readonly catalogue: readonly Rule[] = RULES) {
    this.rules = new Map(catalogue.map((r) => [r.id, new Map()]));
  }

  readonly listen: Listener = (e: RunEvent) => this.fold(e);

  private rec(rule: string, caseId: string): CaseRecord {
    const m = this.rules.get(rule);
    if (!m) throw new Error(`event names rule "${rule}" that is not in the catalogue (specs/rules.json)`);
    let r = m.get(caseId);
    if (!r) {
      r = { passes: 0, failures: [], failureCount: 0, observations: [], skips: [], errors: [] };
      m.set(caseId, r);
    }
    return r;
  }

  private fold(e: RunEvent): void {
    switch (e.type) {
      case "run-start":
        this.info = e.info;
        break;
      case "exchange":
        this.exchanges += 1;
        this.series.sample(e.caseId, e.exchange);
        if (e.classes?.length) this.sent(e.exchange.seq, e.classes);
        break;
      case "finding": {
        if (e.finding.exchange) this.judgedBy(e.finding.exchange.seq, e.finding.rule);
        const r = this.rec(e.finding.rule, e.finding.caseId);
        if (e.finding.outcome === "pass") r.passes += 1;
        else {
          r.failureCount += 1;
          if (r.failures.length < KEEP_FAILURES) r.failures.push(e.finding);
        }
        break;
      }
      case "observation": {
        if (e.observation.exchange) this.judgedBy(e.observation.exchange.seq, e.observation.rule);
        const r = this.rec(e.observation.rule, e.observation.caseId);
        if (
          r.observations.length < KEEP_OBSERVATIONS &&
          !r.observations.some((o) => o.value === e.observation.value)
        ) {
          r.observations.push({
            value: e.observation.value,
            ...(e.observation.exchange ? { exchange: e.observation.exchange } : {}),
          });
        }
        break;
      }
      case "notice":
        if (this.notices.length < 50) this.notices.push(e.message);
        break;
      case "generated":
        for (const rule of e.rules) this.generated.set(rule, (this.generated.get(rule) ?? 0) + 1);
        break;
      case "skip":
        this.rec(e.rule, e.caseId).skips.push(e.reason);
        break;
      case "case-error":
        this.caseErrors.push({ caseId: e.caseId, code: e.code, message: e.message });
        for (const rule of e.rules) this.rec(rule, e.caseId).errors.push(`${e.code}: ${e.message}`);
        break;
      case "case-end":
        this.caseMs.set(e.caseId, e.ms);
        break;
      case "part":
        // Each part starts on reset accounts, so the sequence starts again there (issue 22).
        if (e.caseId === "stateful" && e.edge === "start") this.series.reset();
        break;
      case "run-end":
        this.incomplete = e.incomplete;
        this.interrupted = e.interrupted;
        this.ms = e.ms;
        break;
      default:
        break;
    }
  }

  private sent(seq: number, classes: readonly string[]): void {
    for (const c of classes) {
      const cov = this.coverage.get(c) ?? { sent: 0, rules: new Set<string>() };
      cov.sent += 1;
      this.coverage.set(c, cov);
    }
    this.classesBySeq.set(seq, classes);
    if (this.classesBySeq.size > CLASS_MEMORY) {
      const oldest = this.classesBySeq.keys().next().value;
      if (oldest !== undefined) this.classesBySeq.delete(oldest);
    }
  }

  private judgedBy(seq: number, rule: string): void {
    for (const c of this.classesBySeq.get(seq) ?? []) this.coverage.get(c)?.rules.add(rule);
  }

  /** What `sample` reads of an exchange (Series.slim): a shard's event log keeps exchanges in this form. */
  static slim(caseId: string, ex: Exchange): Exchange {
    return Series.slim(caseId, ex);
  }

  results(): RuleResult[] {
    return this.catalogue.map((rule) => {
      const byCase = this.rules.get(rule.id) ?? new Map();
      const all = [...byCase.values()];
      const failed = all.some((r) => r.failureCount > 0);
      const errored = all.some((r) => r.errors.length > 0);
      const passed = all.some((r) => r.passes > 0);
      const observed = all.some((r) => r.observations.length > 0);
      let status: RuleStatus;
      if (rule.level === "OPEN") status = observed ? "observed" : errored ? "error" : "not-judged";
      else if (failed) status = rule.level === "MUST" ? "fail" : "warn";
      else if (errored) status = "error";
      else status = passed ? "pass" : "not-judged";
      return { rule, status, byCase };
    });
  }

  /**
   * Valid group_add requests the target accepted. CONFORMANT is a claim that
   * needs this evidence (principle 6): a target that refuses everything, or a
   * run that never got a valid request through, is never 0.
   */
  evidence(results = this.results()): number {
    const r = results.find((x) => x.rule.id === EVIDENCE_RULE);
    return [...(r?.byCase.values() ?? [])].reduce((n, c) => n + c.passes, 0);
  }

  /** Why the run is not judged although no MUST rule failed, or undefined. */
  unjudgedReason(results = this.results()): string | undefined {
    if (this.caseErrors.length > 0)
      return `${this.caseErrors.length} case(s) could not be judged (suite errors below)`;
    if (this.evidence(results) === 0)
      return "no valid group_add was accepted by the target, so nothing shows that it works (valid-request-accepted was never judged true)";
    return undefined;
  }

  /** 130/143 when interrupted; else 1 when a MUST rule failed; else 3 when anything could not be judged or no valid call was accepted; else 0. */
  exitCode(results = this.results()): number {
    if (this.interrupted) return this.interrupted === "SIGINT" ? EXIT.sigint : EXIT.sigterm;
    if (results.some((r) => r.status === "fail")) return EXIT.violation;
    if (this.unjudgedReason(results)) return EXIT.unjudged;
    return EXIT.pass;
  }

  counts(results = this.results()): Record<RuleStatus, number> {
    const c: Record<RuleStatus, number> = {
      pass: 0,
      fail: 0,
      warn: 0,
      observed: 0,
      error: 0,
      "not-judged": 0,
    };
    for (const r of results) c[r.status] += 1;
    return c;
  }
}
