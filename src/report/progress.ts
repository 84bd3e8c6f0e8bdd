import type { Listener } from "../core/kernel/events.js";

export interface ProgressOptions {
  /** where progress goes (stderr) */
  write: (s: string) => void;
  /** a terminal: one status line redrawn in place; otherwise a plain line every `everyMs` */
  tty: boolean;
  /** ms since some origin (performance.now); injected by tests */
  now?: () => number;
  everyMs?: number;
  /** said before each line, e.g. "[2/3 ours] " in a matrix */
  prefix?: string;
}

export interface Progress {
  listen: Listener;
  /** writes a line of the command's own above the status line, which it clears first (TTY) */
  above: (s: string) => void;
  /** clears the status line for good */
  done: () => void;
}

const secs = (ms: number): string =>
  ms >= 90_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;

/**
 * Progress inside long phases (issue 22: a matrix printed 3 lines in 88 s): done/total, rate and
 * time left. The fixed cases count as units of the run; a generated phase counts its generated
 * cases against its plan, and its time left is its elapsed time scaled by the parts still to run
 * (parts are of one size). Plain lines at most every few seconds for logs and CI; a redrawn line
 * on a terminal. Nothing here changes what is judged: it reads the events and writes to stderr.
 */
export function progressOf(o: ProgressOptions): Progress {
  const now = o.now ?? (() => performance.now());
  const every = o.everyMs ?? (o.tty ? 200 : 5000);
  const prefix = o.prefix ?? "";
  let shown = false;
  let last = now();
  let casesDone = 0;
  let casesTotal = 0;
  let phase:
    | { id: string; t0: number; parts: number; runs: number; partsDone: number; cases: number }
    | undefined;

  const text = (): string => {
    const run = casesTotal ? `case ${Math.min(casesDone + 1, casesTotal)}/${casesTotal}` : "";
    if (!phase || phase.parts === 0) return `${prefix}${run}${phase ? ` ${phase.id}` : ""}`;
    const ms = now() - phase.t0;
    const rate = ms > 0 ? (phase.cases / ms) * 1000 : 0;
    const left =
      phase.partsDone > 0
        ? `, about ${secs((ms / phase.partsDone) * (phase.parts - phase.partsDone))} left`
        : "";
    return `${prefix}${run} ${phase.id}: ${phase.partsDone}/${phase.parts} parts of ${phase.runs} generated runs, ${phase.cases} generated cases judged (${rate.toFixed(0)}/s)${left}`;
  };
  const clear = () => {
    if (o.tty && shown) o.write("\r\x1b[K");
    shown = false;
  };
  const tick = (force = false) => {
    if (!force && now() - last < every) return;
    last = now();
    if (o.tty) {
      o.write(`\r\x1b[K${text()}`);
      shown = true;
    } else o.write(`  … ${text()}\n`);
  };
  const listen: Listener = (e) => {
    if (e.type === "run-start") casesTotal = e.planned ?? e.cases.length;
    else if (e.type === "case-start") {
      const p = e.planned;
      phase = { id: e.caseId, t0: now(), parts: p?.parts ?? 0, runs: p?.runs ?? 0, partsDone: 0, cases: 0 };
      if (o.tty) tick(true);
    } else if (e.type === "generated" && phase) phase.cases += 1;
    else if (e.type === "part" && e.edge === "end" && phase) phase.partsDone += 1;
    else if (e.type === "case-end") {
      casesDone += 1;
      phase = undefined;
      return;
    }
    // Only long work earns a line: a plain log hears of a generated phase, or of a slow fixed case.
    if (o.tty || (phase && (phase.parts > 0 || now() - phase.t0 >= every))) tick();
  };
  return {
    listen,
    above: (s) => {
      clear();
      o.write(s);
      if (o.tty && phase) tick(true);
    },
    done: clear,
  };
}
