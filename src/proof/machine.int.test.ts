import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, lstatSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The suite in a child process, killed after `limitMs` whatever happens: a test of a hang cannot
 * hang the test runner, and a wrong fix cannot block its main thread.
 */
function bin(args: string[], o: { cwd?: string; limitMs?: number; timed?: boolean } = {}) {
  return new Promise<{ code: number | null; err: string; out: string; ms: number; maxKb: number }>(
    (resolve) => {
      const t0 = Date.now();
      const argv = [join(root, "dist/bin.js"), ...args];
      // GNU time reports the child's peak resident memory (a bomb's cost) on its last stderr line.
      const child = o.timed
        ? spawn("/usr/bin/time", ["-f", "maxkb=%M", process.execPath, ...argv], { cwd: o.cwd ?? root })
        : spawn(process.execPath, argv, { cwd: o.cwd ?? root });
      let out = "";
      let err = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.stderr.on("data", (c: Buffer) => (err += c.toString()));
      const kill = setTimeout(() => child.kill("SIGKILL"), o.limitMs ?? 15_000);
      child.on("close", (code) => {
        clearTimeout(kill);
        const maxKb = Number(/maxkb=(\d+)/.exec(err)?.[1] ?? 0);
        resolve({ code, out, err, ms: Date.now() - t0, maxKb });
      });
    },
  );
}

const tmp = () => mkdtempSync(join(tmpdir(), "tim-machine-"));

/** A character device of our own (the null device's numbers) in a temp folder: never the system's. */
function charDevice(dir: string): string {
  const p = join(dir, "null-device");
  execFileSync("mknod", [p, "c", "1", "3"]);
  expect(lstatSync(p).isCharacterDevice()).toBe(true);
  return p;
}

function fifo(dir: string, name = "fifo"): string {
  const p = join(dir, name);
  execFileSync("mkfifo", [p]);
  return p;
}

const isRoot = process.getuid?.() === 0;

describe("outputs never replace a device node (issue 21, item 6)", () => {
  it.runIf(isRoot)(
    "--record, --ready-file, --ca-out and a report onto a character device: exit 2, the node left as it was",
    async () => {
      const dir = tmp();
      const dev = charDevice(dir);
      const reports = tmp();
      const cases: string[][] = [
        ["run", "--case", "baseline", "--record", dev, "--report-dir", reports],
        ["emulator", "--port", "0", "--ready-file", dev],
        ["emulator", "--port", "0", "--tls", "--ca-out", dev],
        ["openapi", "--out", dev],
      ];
      for (const args of cases) {
        const r = await bin(args);
        expect([args.join(" "), r.code, r.err]).toEqual([
          args.join(" "),
          2,
          expect.stringMatching(/TIM_ERR_CONFIG: .*not a regular file/),
        ]);
        expect(lstatSync(dev).isCharacterDevice()).toBe(true);
      }
    },
  );

  it("refuses a FIFO as --record at once (exit 2), and writes through /dev/stdout when named", async () => {
    const dir = tmp();
    const r = await bin(["run", "--case", "baseline", "--record", fifo(dir), "--report-dir", dir]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/--record|TIM_RECORD/)]);
    const o = await bin(["openapi", "--out", "/dev/stdout"]);
    expect(o.code).toBe(0);
    expect(JSON.parse(o.out.slice(0, o.out.lastIndexOf("}") + 1)).openapi).toMatch(/^3\./);
  });

  it("openapi --out onto a full device is one line and exit 2, no stack trace", async () => {
    const r = await bin(["openapi", "--out", "/dev/full"]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^error: TIM_ERR_CONFIG: --out/);
  });
});

describe("inputs that are devices, FIFOs or folders end at once (issue 21, item 7)", () => {
  const dir = tmp();
  const cases: Array<[string, () => string[], string?]> = [
    ["--replay /dev/zero", () => ["run", "--replay", "/dev/zero"]],
    ["--replay a FIFO", () => ["run", "--replay", fifo(dir, "r")]],
    ["--fixtures a FIFO", () => ["run", "--base-url", "http://127.0.0.1:9", "--fixtures", fifo(dir, "f")]],
    ["--scenario a FIFO", () => ["emulator", "--port", "0", "--scenario", fifo(dir, "s")]],
    ["drift --recording a FIFO", () => ["drift", "--recording", fifo(dir, "d")]],
    [
      "--cert a FIFO",
      () => ["emulator", "--port", "0", "--tls", "--cert", fifo(dir, "c"), "--key", fifo(dir, "k")],
    ],
    [
      "matrix replay= a FIFO",
      () => ["matrix", "--target", `a=replay=${fifo(dir, "m")}`, "--target", "b=emulator"],
    ],
    [
      "merge --from /dev/zero",
      () => ["merge", "--from", "/dev/zero", "--from", "/dev/zero", "--report-dir", dir],
    ],
    ["merge --from a FIFO", () => ["merge", "--from", fifo(dir, "g"), "--report-dir", dir]],
    ["a FIFO as .env", () => ["run", "--case", "baseline", "--report-dir", dir], "env"],
  ];
  it.each(cases)("%s: exit 2 within seconds, naming what is wrong", async (_what, args, cwd) => {
    let where = root;
    if (cwd) {
      where = tmp();
      fifo(where, ".env");
    }
    const r = await bin(args(), { cwd: where });
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/not a regular file/)]);
    expect(r.ms).toBeLessThan(10_000);
  });
});

/** Writes a gzip file of `bytes` zeros, streamed: about a thousandth of that on disk. */
async function gzipBomb(file: string, bytes: number): Promise<void> {
  const gz = createGzip({ level: 1 });
  const done = new Promise<void>((r) => gz.pipe(createWriteStream(file)).on("finish", () => r()));
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  for (let k = 0; k < bytes / chunk.length; k++)
    if (!gz.write(chunk)) await new Promise((r) => gz.once("drain", r));
  gz.end();
  await done;
}

describe("a gzip bomb (issue 21, item 9)", () => {
  it("a recording that expands to 1 GiB is refused with exit 2 without holding the expansion", async () => {
    const dir = tmp();
    const bomb = join(dir, "bomb.json.gz");
    await gzipBomb(bomb, 1024 * 1024 * 1024);
    expect(readFileSync(bomb).length).toBeLessThan(8 * 1024 * 1024);
    for (const args of [
      ["run", "--replay", bomb, "--report-dir", dir],
      ["drift", "--recording", bomb, "--report-dir", dir],
    ]) {
      const r = await bin(args, { timed: true, limitMs: 50_000 });
      expect([r.code, r.err]).toEqual([2, expect.stringMatching(/expands past/)]);
      // Node itself takes about 60 MB; the limit's worth of text and its parse stay well under this.
      expect(r.maxKb).toBeLessThan(700 * 1024);
    }
  }, 120_000);

  it("a fixtures file compressed as a bomb is refused the same way", async () => {
    const dir = tmp();
    const bomb = join(dir, "fixtures.json.gz");
    await gzipBomb(bomb, 1024 * 1024 * 1024);
    writeFileSync(join(dir, "x"), "");
    const r = await bin(
      ["run", "--base-url", "http://127.0.0.1:9", "--fixtures", bomb, "--report-dir", dir],
      {
        timed: true,
        limitMs: 50_000,
      },
    );
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/expands past/)]);
    expect(r.maxKb).toBeLessThan(700 * 1024);
  }, 120_000);
});
