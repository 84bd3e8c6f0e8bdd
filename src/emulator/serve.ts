import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./auth.js";
import { CONTROL_PREFIX, type ControlHooks, control, type Live, type RawEntry, record } from "./control.js";
import { type ControlGuard, controlRefusal } from "./guard.js";
import { handle } from "./handle.js";
import type { Moods } from "./moods.js";
import { toEmuRequest } from "./request.js";
import { scripted } from "./scenarios.js";
import type { EmulatorOptions } from "./server.js";
import type { State } from "./state.js";
import type { EmuAnswer, EmuRequest, EmuResponse } from "./types.js";
import { holdWrites } from "./writes.js";

/** What every request needs from the running emulator: gathered once per server, not per request. */
export interface Served {
  live: Live;
  o: EmulatorOptions;
  moods: Moods;
  /** set once listening, and only when the control API is on */
  guard: ControlGuard | undefined;
  /** From_Accounts whose group_add is inside its write-conflict window */
  held: Set<string>;
  hooks: ControlHooks;
}

const TOO_LARGE = JSON.stringify({
  ActionStatus: "FAIL",
  ErrorCode: 60002,
  ErrorInfo: "request body too large",
  ErrorDisplay: "",
});

/**
 * Head and body leave in one system call: Node prepends the head to a string body, and the empty
 * chunk end() adds makes that a writev of two buffers, not a second write (issue 25 measured
 * write(body) then end() against it: no difference in CPU per request). The headers go as a flat
 * array in the order the object copy had (content-length replaced in place, else last): the same
 * bytes, without a prototype-less object that node then walks key by key (issue 25, perf-3).
 */
export const send = (res: ServerResponse, out: EmuResponse): void => {
  const bytes = out.raw ?? out.body;
  const given = out.headers;
  const flat: (string | number)[] = [];
  let length = -1;
  for (const k of Object.keys(given)) {
    if (k === "content-length") length = flat.length + 1;
    flat.push(k, given[k] as string);
  }
  if (length < 0) flat.push("content-length", Buffer.byteLength(bytes));
  else flat[length] = Buffer.byteLength(bytes);
  res.writeHead(out.status, flat).end(bytes);
};

/**
 * handle(), unless a fault's `around` hook or the write-conflict window (a holdout variant) runs it
 * after a wait: only those two return a promise, so the default path stays synchronous, and makes
 * no closure.
 */
function answer(live: Live, request: EmuRequest, held: Set<string>): EmuResponse | Promise<EmuResponse> {
  for (const f of live.env.faults) {
    if (f.around)
      return f.around({
        state: live.state,
        req: request,
        handle: (s: State) => handle(s, request, live.env),
      });
  }
  if (live.env.behaviour.writeConflictWindowMs > 0)
    return holdWrites(held, live.env.behaviour, live.state, request, (s) => handle(s, request, live.env));
  return handle(live.state, request, live.env);
}

/** A scripted answer, unless the step checks authentication and the call fails it (then that answer). */
function fromScript(
  live: Live,
  request: EmuRequest,
): (ReturnType<typeof scripted> & { step?: number }) | EmuResponse | undefined {
  const step = live.scenario?.peek(request.path.split("/").at(-1) ?? "");
  if (!step) return undefined;
  if (step.auth !== "skip") {
    const denied = authenticate(request, live.env.config, live.env.behaviour, live.env.sigCache);
    if (denied)
      return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(denied) };
  }
  const at = live.scenario?.position ?? 0;
  live.scenario?.consume();
  return { ...scripted(step.answer, request.body), step: at };
}

/** The ErrorCode of an answer's body, for the client report: a body that is no envelope has none. */
function codeOf(body: string): number | undefined {
  try {
    const code = (JSON.parse(body) as { ErrorCode?: unknown }).ErrorCode;
    return typeof code === "number" ? code : undefined;
  } catch {
    return undefined;
  }
}

type Told = ((a: EmuAnswer) => void) | undefined;

/** Tells the watcher (the client report), when there is one, what the request got. */
function tell(
  told: Told,
  by: EmuAnswer["by"],
  out: { status: number; body?: string },
  more?: Partial<EmuAnswer>,
): void {
  if (!told) return;
  const code = out.body !== undefined ? codeOf(out.body) : undefined;
  // Field by field in the order the spreads this replaced gave: the report is the same JSON.
  const a: EmuAnswer = { by, status: out.status };
  if (code !== undefined) a.errorCode = code;
  if (more) Object.assign(a, more);
  told(a);
}

/**
 * One request, read: a promise only when something waits (latency, a slow step, an `around`
 * fault, the write-conflict window). An async function here cost a promise and its reaction per
 * answer, for nothing on the default path.
 */
export function serve(
  sv: Served,
  req: IncomingMessage,
  res: ServerResponse,
  body: string | undefined,
): void | Promise<void> {
  if (body === undefined) {
    // An envelope, then the connection closes: the unread rest of the body cannot be skipped safely.
    res.on("finish", () => req.socket.destroy());
    res.writeHead(413, { "content-type": "application/json", connection: "close" }).end(TOO_LARGE);
    return;
  }
  const request = toEmuRequest(req, body);
  if (sv.guard && request.path.startsWith(CONTROL_PREFIX))
    return send(res, controlRefusal(request, sv.guard) ?? control(sv.live, request, sv.hooks));
  const ms = sv.o.latencyMs;
  if (ms) return new Promise((r) => setTimeout(r, ms)).then(() => observed(sv, req, res, request));
  return observed(sv, req, res, request);
}

function observed(sv: Served, req: IncomingMessage, res: ServerResponse, request: EmuRequest) {
  const watcher = sv.o.onRequest?.(request);
  const told = typeof watcher === "function" ? (watcher as (a: EmuAnswer) => void) : undefined;
  const entry = record(sv.live, request, sv.hooks);
  const s = fromScript(sv.live, request);
  if (s) return stepped(sv, req, res, request, entry, told, s);
  return answered(sv, req, res, request, entry, told, undefined);
}

/** A scenario step matched: its answer, its drop, or its wait before the emulator answers. */
async function stepped(
  sv: Served,
  req: IncomingMessage,
  res: ServerResponse,
  request: EmuRequest,
  entry: RawEntry,
  told: Told,
  s: NonNullable<ReturnType<typeof fromScript>>,
): Promise<void> {
  const step = "step" in s && s.step !== undefined ? { step: s.step } : {};
  if ("slowMs" in s) await new Promise((r) => setTimeout(r, s.slowMs));
  else if (s.drop) {
    tell(told, "scenario", { status: 0 }, { ...step, dropped: true });
    return void req.socket.destroy();
  } else {
    entry.status = s.status;
    tell(told, "step" in s ? "scenario" : "emulator", s, step);
    return send(res, s);
  }
  return answered(sv, req, res, request, entry, told, step);
}

/** The moods, else the emulator's answer; `step` is set when a slow scenario step came first. */
function answered(
  sv: Served,
  req: IncomingMessage,
  res: ServerResponse,
  request: EmuRequest,
  entry: RawEntry,
  told: Told,
  step: { step?: number } | undefined,
): void | Promise<void> {
  const mood = sv.moods.intercept(request.path);
  if (mood) {
    if (told) tell(told, codeOf(mood) === 60007 ? "throttle" : "transient", { status: 200, body: mood });
    return send(res, { status: 200, headers: { "content-type": "application/json" }, body: mood });
  }
  const pending = answer(sv.live, request, sv.held);
  if (pending instanceof Promise) return pending.then((out) => finish(req, res, entry, told, step, out));
  finish(req, res, entry, told, step, pending);
}

function finish(
  req: IncomingMessage,
  res: ServerResponse,
  entry: RawEntry,
  told: Told,
  step: { step?: number } | undefined,
  out: EmuResponse,
): void {
  if (out.drop) {
    tell(told, "emulator", { status: 0 }, { dropped: true });
    return void req.socket.destroy();
  }
  entry.status = out.status;
  tell(told, step ? "scenario" : "emulator", out, step);
  send(res, out);
}
