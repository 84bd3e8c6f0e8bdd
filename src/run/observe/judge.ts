import { commandOf } from "../../core/contract/endpoints.js";
import { limits } from "../../core/contract/limits.js";
import { SuiteError } from "../../core/kernel/errors.js";
import type { Listener, RunEvent } from "../../core/kernel/events.js";
import { GATEWAY_STATUS } from "../../core/kernel/exchange.js";
import { CaseContext } from "../../judge/probe/context.js";
import type { Effects } from "../../judge/probe/effects.js";
import { AccountModel } from "../../judge/probe/model.js";
import { type ClientCredentials, clientJudge } from "./client-side.js";
import { intrinsicClasses } from "./domain.js";
import { clipKept, type Observed, observed, parsedObject } from "./exchange.js";
import { accountsOf, Flights } from "./flight.js";
import type { Passage } from "./forward.js";
import type { ObservedSecrets } from "./secrets.js";
import { forget, forgetFriendships, judgeService, type ServiceSide } from "./service-side.js";
import { OBSERVED, type ObserveTally } from "./tally.js";

/** Accounts the model follows at most, and users whose sequence it remembers: a long observation stays bounded. */
export const MAX_FOLLOWED = 2000;
const MAX_MEMORY = 20_000;
/** Upstream failures told one by one in the report's notices; the rest are counted. */
const TOLD_FAILURES = 10;
const SEQUENCED: ReadonlySet<string> = new Set(["group_add", "group_get", "group_delete"]);

/** The checks' run memory (a sequence per user), refusing new keys past a size. */
class BoundedMemory extends Map<string, unknown> {
  override set(k: string, v: unknown): this {
    return this.size >= MAX_MEMORY && !this.has(k) ? this : super.set(k, v);
  }
}

/** Observe sends no call of its own: a case context asking to would be a bug of observe. */
const NO_CALLS = {
  send: () => Promise.reject(new SuiteError("TIM_ERR_INTERNAL", "observe sends no calls of its own")),
  close: async () => {},
};

interface Sent {
  body: Record<string, unknown> | undefined;
  command: string;
  accounts: string[];
  floors: Map<string, bigint | undefined>;
}

export interface JudgeOptions {
  tally: ObserveTally;
  secrets: ObservedSecrets;
  credentials: ClientCredentials;
  /** follow accounts through the traffic (the cross-call rules); off judges each exchange alone */
  crossCall: boolean;
  onEvent?: Listener;
}

/**
 * Judges what passes through the observer, both ways: the client's request by the client rules,
 * the service's answer by every rule traffic can show (service-side.ts). Called by the forwarder
 * once a request has passed (`sent`) and once its answer has (`done`), after the client has it.
 */
export class ObserveJudge {
  private seq = 0;
  private readonly flights = new Flights();
  private readonly sentAs = new WeakMap<Passage, Sent>();
  private readonly followed = new Set<string>();
  /** every event of the observation: to the tally, and to the caller's listener */
  readonly emit: Listener;
  private readonly client: (o: Observed) => void;
  private readonly side: ServiceSide;
  private told = { failures: 0, cap: false, large: false };

  constructor(private readonly o: JudgeOptions) {
    const listener = o.onEvent;
    this.emit = (e: RunEvent) => {
      o.tally.listen(e);
      if (listener) listener(redactedEvent(e, (s) => o.secrets.text(s)));
    };
    this.client = clientJudge(o.credentials, this.emit);
    const memory = new BoundedMemory();
    const effects: Effects | undefined = o.crossCall
      ? { model: new AccountModel(), cap: limits.maxGroupsPerUser }
      : undefined;
    const shared = {
      client: NO_CALLS,
      emit: this.emit,
      query: noQuery,
      memory,
      ...(effects ? { effects } : {}),
    };
    this.side = {
      t: new CaseContext(OBSERVED, shared),
      memory,
      ...(effects ? { effects } : {}),
      follow: (id) => this.follow(id),
    };
  }

  /** The whole request has passed: from now on the upstream may act on it. */
  sent(p: Passage): void {
    const body = p.request.cut ? undefined : parsedObject(p.request.body.toString("utf8"));
    const command = commandOf(p.target.split("?")[0] ?? "");
    const accounts = accountsOf(command, body);
    const floors = new Map<string, bigint | undefined>();
    if (SEQUENCED.has(command))
      for (const a of accounts.slice(0, 1))
        floors.set(a, this.side.memory.get(`seq:${a}`) as bigint | undefined);
    this.flights.start(command, accounts);
    this.sentAs.set(p, { body, command, accounts, floors });
  }

  /** The whole answer has passed to the client, or the exchange failed: judge it. */
  done(p: Passage): void {
    const s = this.sentAs.get(p);
    const seen = this.o.tally.seen;
    const o = observed(p, ++this.seq, this.o.secrets, s?.body);
    seen.byCommand.set(o.command, (seen.byCommand.get(o.command) ?? 0) + 1);
    if (!s) {
      // The client went away before its request had passed: nothing reached the upstream whole.
      seen.clientGaveUp += 1;
      this.emit({ type: "exchange", caseId: OBSERVED, exchange: o.ex });
      return;
    }
    const quiet = () => {
      for (const a of this.flights.end(s.command, s.accounts)) this.forget(a);
      clipKept(o.ex);
    };
    if (p.request.cut || p.response?.copy.cut || o.ex.error?.code === "TIM_ERR_RESPONSE_TOO_LARGE") {
      this.tooLarge(o, p.request.cut, quiet);
      return;
    }
    const classes = o.command === "group_add" ? intrinsicClasses(o) : [];
    this.emit({ type: "exchange", caseId: OBSERVED, exchange: o.ex, ...(classes.length ? { classes } : {}) });
    this.client(o);
    const status = o.ex.response?.status ?? 0;
    if (!o.ex.response || GATEWAY_STATUS.has(status)) {
      if (p.failure?.stage === "client") seen.clientGaveUp += 1;
      else this.upstreamFailure(o);
      for (const a of s.accounts) this.forget(a);
      if (this.side.effects) forgetFriendships(this.side.effects, s.command, s.body);
      quiet();
      return;
    }
    const tangled = this.flights.tangled(s.accounts);
    if (tangled) seen.overlapped += 1;
    if (o.command === "group_add") seen.judgedAnswers += 1;
    judgeService(this.side, o, classes, s.floors, tangled);
    quiet();
  }

  private follow(id: string): boolean {
    if (this.followed.has(id)) return true;
    if (this.followed.size >= MAX_FOLLOWED) {
      if (!this.told.cap)
        this.o.tally.notes.push(
          `the model follows at most ${MAX_FOLLOWED} accounts; calls of later accounts were judged one by one`,
        );
      this.told.cap = true;
      return false;
    }
    this.followed.add(id);
    return true;
  }

  private forget(id: string): void {
    if (this.side.effects && this.followed.has(id)) forget(this.side.effects, id);
  }

  private tooLarge(o: Observed, request: boolean, quiet: () => void): void {
    this.o.tally.seen.tooLarge += 1;
    if (!this.told.large)
      this.o.tally.notes.push(
        `#${o.ex.seq} ${o.ex.request.method} ${o.command || "?"}: ${request ? "request" : "answer"} larger than observe copies; forwarded whole, not judged`,
      );
    this.told.large = true;
    // What a request too large to read did to the accounts it named is unknowable: forget them all.
    if (request) for (const a of this.followed) this.forget(a);
    quiet();
  }

  private upstreamFailure(o: Observed): void {
    this.o.tally.seen.upstreamFailures += 1;
    if (this.told.failures >= TOLD_FAILURES) return;
    this.told.failures += 1;
    const what = o.ex.response
      ? `HTTP ${o.ex.response.status} (a gateway status: docs/sources/tencent-im-rest.md §3.2 calls it a network error)`
      : `${o.ex.error?.code}: ${o.ex.error?.message}`;
    this.o.tally.notes.push(
      `upstream failure, passed to the client as it came (${o.ex.response ? "the same status" : "its connection closed without an answer"}): #${o.ex.seq} ${o.ex.request.method} ${o.ex.request.url}: ${what}`,
    );
  }
}

/**
 * An event as the caller's listener gets it: a message may quote what the client sent (a To_Account,
 * a name), which may be an echoed credential; the exchange in it is redacted already.
 */
function redactedEvent(e: RunEvent, redact: (s: string) => string): RunEvent {
  if (e.type === "finding") return { ...e, finding: { ...e.finding, message: redact(e.finding.message) } };
  if (e.type === "observation")
    return { ...e, observation: { ...e.observation, value: redact(e.observation.value) } };
  return e;
}

function noQuery(): never {
  throw new SuiteError("TIM_ERR_INTERNAL", "observe sends no calls of its own");
}
