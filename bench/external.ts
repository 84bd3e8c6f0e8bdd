// The emulator against a bare server with the load generator in its own process (issue 25: the
// bench's own autocannon shares the bench's process and CPU; a separate one is how people measure).
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { importUsers, query } from "./load.js";
import { children, cpuUs, root, SECONDS, server } from "./procs.js";
import { type Spread, spread } from "./startup.js";

export const EXTERNAL_CONNECTIONS = 32;

export interface ExternalRounds {
  rounds: number;
  connections: number;
  loadavg: number[];
  bareRps: Spread;
  readerRps: Spread;
  emulatorRps: Spread;
  ratio: Spread;
  bareCpuUs: Spread;
  readerCpuUs: Spread;
  emulatorCpuUs: Spread;
  cpuRatio: Spread;
  /** a server that reads the body and answers the same bytes, against the bare one */
  readerRatio: Spread;
}

/** autocannon's CLI in a process of its own: one group_get, `connections` connections, SECONDS. */
function autocannonCli(url: string, path: string, body: string, connections: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = spawn(
      join(root, "node_modules/.bin/autocannon"),
      ["-j", "-c", String(connections), "-d", String(SECONDS), "-m", "POST"].concat([
        "-H",
        "content-type=application/json",
        "-b",
        body,
        `${url}${path}`,
      ]),
      { cwd: root, stdio: ["ignore", "pipe", "ignore"] },
    );
    children.push(c);
    let out = "";
    c.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
    });
    c.on("exit", () => {
      try {
        resolve((JSON.parse(out) as { requests: { average: number } }).requests.average);
      } catch (e) {
        reject(e);
      }
    });
  });
}

/**
 * group_get of one imported user over 32 connections, to the emulator, to a bare node:http server
 * answering the bytes the emulator answers it, and to the same server reading the body first,
 * alternating A B C A B C, each with its CPU time per request.
 */
export async function externalRounds(rounds: number): Promise<ExternalRounds> {
  const path = `/v4/sns/group_get?${query(1)}`;
  const body = JSON.stringify({ From_Account: "bu1" });
  const probe = await server("emulator");
  await importUsers(probe.url);
  const answer = await (await fetch(`${probe.url}${path}`, { method: "POST", body })).text();
  probe.proc.kill();
  const rows = [];
  for (let k = 0; k < rounds; k++) {
    const row: Record<"bare" | "reader" | "emulator", { rps: number; cpu: number }> = {
      bare: { rps: 0, cpu: 0 },
      reader: { rps: 0, cpu: 0 },
      emulator: { rps: 0, cpu: 0 },
    };
    for (const kind of ["bare", "reader", "emulator"] as const) {
      const s = await server(kind, { BENCH_BARE_BODY: answer });
      if (kind === "emulator") await importUsers(s.url);
      const before = await cpuUs(s.proc);
      const rps = await autocannonCli(s.url, path, body, EXTERNAL_CONNECTIONS);
      const cpu = (await cpuUs(s.proc)) - before;
      s.proc.kill();
      row[kind] = { rps, cpu: cpu / Math.max(1, rps * SECONDS) };
    }
    rows.push(row);
    process.stderr.write(
      `external round ${k + 1}: bare ${row.bare.rps.toFixed(0)}/s, reader ${row.reader.rps.toFixed(0)}/s, emulator ${row.emulator.rps.toFixed(0)}/s\n`,
    );
  }
  return {
    rounds,
    connections: EXTERNAL_CONNECTIONS,
    loadavg: loadavg(),
    bareRps: spread(rows.map((r) => r.bare.rps)),
    readerRps: spread(rows.map((r) => r.reader.rps)),
    emulatorRps: spread(rows.map((r) => r.emulator.rps)),
    ratio: spread(rows.map((r) => r.emulator.rps / r.bare.rps)),
    bareCpuUs: spread(rows.map((r) => r.bare.cpu)),
    readerCpuUs: spread(rows.map((r) => r.reader.cpu)),
    emulatorCpuUs: spread(rows.map((r) => r.emulator.cpu)),
    cpuRatio: spread(rows.map((r) => r.emulator.cpu / r.bare.cpu)),
    readerRatio: spread(rows.map((r) => r.reader.rps / r.bare.rps)),
  };
}
