import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { waitForFile } from "./support/harness.js";

// Proof from outside (issue 12): the packed tarball, installed offline into an empty project,
// works there as a CLI and as a library, with no clone and no tsx.
const root = fileURLToPath(new URL("../../", import.meta.url));
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
let project: string;
/** npm's output of the offline install: an install-scripts warning shows here (issue 22) */
let installLog = "";
const bin = () => join(project, "node_modules", ".bin", "tim-conformance");

const CONSUMER = `import { runConformance, startEmulator, RULES, type ConformanceResult } from "tim-group-add-conformance";

const emulator = await startEmulator({ faults: ["cap-ignores-existing"] });
try {
  const result: ConformanceResult = await runConformance({ settings: { baseUrl: emulator.url, seed: "7", runs: "5" } });
  const must = RULES.filter((r) => r.level === "MUST").length;
  process.stdout.write(JSON.stringify({ exitCode: result.exitCode, verdict: result.verdict, violated: result.violated, must }));
} finally {
  await emulator.close();
}
`;

beforeAll(() => {
  const packs = mkdtempSync(join(tmpdir(), "tim-pack-"));
  // dist/ is built by npm test's pretest: --ignore-scripts keeps prepack from rebuilding it under running tests
  const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", packs], {
    cwd: root,
    encoding: "utf8",
  });
  const tarball = join(
    packs,
    (JSON.parse(out.slice(out.indexOf("["))) as Array<{ filename: string }>)[0]?.filename ?? "",
  );
  project = mkdtempSync(join(tmpdir(), "tim-consumer-"));
  offlineInstall(project, tarball);
}, 180_000);

/**
 * npm ci --offline into an empty project, from a lock file made of this repository's own: the
 * tarball by its integrity, its dependencies by the resolved URLs and integrities npm ci cached.
 * No registry is asked (no metadata is needed when every package is pinned by integrity).
 */
function offlineInstall(dir: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    name: string;
    version: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
  };
  const spec = `file:${relative(dir, tarball)}`;
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  const deps = Object.fromEntries(
    Object.entries(lock.packages).filter(
      ([k, v]) => k.startsWith("node_modules/") && !v.dev && !v.devOptional,
    ),
  );
  const manifest = { name: "consumer", private: true, type: "module", dependencies: { [pkg.name]: spec } };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  writeFileSync(
    join(dir, "package-lock.json"),
    JSON.stringify({
      name: "consumer",
      lockfileVersion: 3,
      requires: true,
      packages: {
        "": { name: "consumer", dependencies: { [pkg.name]: spec } },
        [`node_modules/${pkg.name}`]: {
          version: pkg.version,
          resolved: spec,
          integrity,
          dependencies: pkg.dependencies,
          bin: pkg.bin,
        },
        ...deps,
      },
    }),
  );
  // No --ignore-scripts: the package must have no script an install would run or warn about.
  const r = spawnSync("npm", ["ci", "--offline", "--no-audit", "--no-fund"], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm ci failed: ${r.stderr}`);
  installLog = `${r.stdout}${r.stderr}`;
}

/** npx as a user runs it in the project: npm exec finds the installed bin (no registry is asked). */
const npx = (args: string[], cwd = project) =>
  spawnSync("npx", ["--no-install", "tim-conformance", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" },
  });

describe("the packed package, installed into an empty project", () => {
  it("installs with no install script and no warning, names its repository, and ships the CI recipe and the Action", () => {
    expect(installLog).not.toMatch(/install-scripts|allowScripts/);
    const installed = join(project, "node_modules", "tim-group-add-conformance");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    for (const s of ["preinstall", "install", "postinstall", "prepare"])
      expect(manifest.scripts?.[s]).toBeUndefined();
    const base = manifest.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(manifest.homepage).toBe(`${base}#readme`);
    expect(manifest.bugs.url).toBe(`${base}/issues`);
    for (const f of [
      "docs/ci/conformance.yml",
      "action.yml",
      "schemas/inputs/config.json",
      "schemas/outputs/json-lines.json",
    ])
      expect([f, existsSync(join(installed, f))]).toEqual([f, true]);
  });

  it("is ESM, and a CommonJS project can require() it (Node's require(esm), Node >= 20.19)", () => {
    writeFileSync(
      join(project, "consumer.cjs"),
      [
        'const { RULES, runConformance } = require("tim-group-add-conformance");',
        'process.stdout.write(String(RULES.length) + " " + typeof runConformance);',
        "",
      ].join("\n"),
    );
    const r = spawnSync(process.execPath, [join(project, "consumer.cjs")], {
      cwd: project,
      encoding: "utf8",
    });
    expect([r.status, r.stdout]).toEqual([0, expect.stringMatching(/^\d+ function$/)]);
  });

  it("prints --help and replay commands as the user typed them, and a replay command pasted back reproduces the violation", () => {
    expect(npx(["--help"]).stdout).toMatch(/^Usage: npx tim-conformance \[options\]/);
    expect(execFileSync(bin(), ["emulator", "--help"], { cwd: project, encoding: "utf8" })).toMatch(
      /^Usage: node_modules\/\.bin\/tim-conformance emulator \[options\]/,
    );
    const first = npx([
      "--emulator-fault",
      "cap-ignores-existing",
      "--case",
      "group-cap",
      "--report-dir",
      "first",
    ]);
    expect(first.status).toBe(1);
    const md = readFileSync(join(project, "first", "conformance.md"), "utf8");
    const replay =
      /^npx tim-conformance --emulator-fault cap-ignores-existing --case group-cap --seed \d+$/m.exec(
        md,
      )?.[0];
    expect(replay).toBeDefined();
    const again = spawnSync("sh", ["-c", `${replay} --report-dir again`], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, npm_config_offline: "true", npm_config_update_notifier: "false" },
    });
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/^FAIL MUST group-cap-32: group number 33 on a user with 32/m);
    expect(readFileSync(join(project, "again", "conformance.md"), "utf8")).toContain(replay);
  });

  it("stops an emulator started through npx by its --pid-file (npx does not pass SIGTERM on)", async () => {
    const ready = join(project, "npx-emulator-url");
    const pidFile = join(project, "npx-emulator.pid");
    const viaNpx = spawn(
      "npx",
      [
        "--no-install",
        "tim-conformance",
        "emulator",
        "--port",
        "0",
        "--ready-file",
        ready,
        "--pid-file",
        pidFile,
      ],
      {
        cwd: project,
        stdio: "ignore",
        env: {
          ...process.env,
          npm_config_offline: "true",
          npm_config_update_notifier: "false",
          TIM_EMULATOR_TOKEN: "pid-file-test-token",
        },
      },
    );
    const exited = new Promise<number | null>((r) => viaNpx.on("exit", r));
    const auth = { headers: { authorization: "Bearer pid-file-test-token" } };
    const url = await waitForFile(ready);
    const pid = Number(await waitForFile(pidFile));
    // The pid is the emulator's own node process, not npm's.
    expect(pid).not.toBe(viaNpx.pid);
    expect((await fetch(`${url}/__emulator/state`, auth)).status).toBe(200);
    process.kill(pid, "SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
    await expect(fetch(`${url}/__emulator/state`, auth)).rejects.toThrow();
  });

  it("answers --version and --help from its bin", () => {
    expect(execFileSync(bin(), ["--version"], { encoding: "utf8" })).toBe(
      `tim-group-add-conformance ${version}\n`,
    );
    expect(execFileSync(bin(), ["emulator", "--help"], { encoding: "utf8" })).toMatch(/^Usage: /);
  });

  it("runs the bin against the bin's emulator and exits 0", async () => {
    const ready = join(project, "emulator-url");
    const emu = spawn(bin(), ["emulator", "--port", "0", "--ready-file", ready], { stdio: "ignore" });
    try {
      for (let k = 0; k < 200; k++) {
        try {
          if (readFileSync(ready, "utf8").endsWith("\n")) break;
        } catch {
          // not yet listening
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      const url = readFileSync(ready, "utf8").trim();
      const reports = join(project, "reports");
      const run = spawn(bin(), ["run", "--base-url", url, "--report-dir", reports, "--runs", "10"], {
        stdio: "pipe",
      });
      let out = "";
      run.stdout.on("data", (c: Buffer) => (out += c.toString()));
      const code = await new Promise<number | null>((r) => run.on("exit", r));
      expect([code, out]).toEqual([0, expect.stringMatching(/^CONFORMANT: /m)]);
      expect(JSON.parse(readFileSync(join(reports, "conformance.json"), "utf8")).tool).toEqual({
        name: "tim-group-add-conformance",
        version,
      });
    } finally {
      emu.kill("SIGTERM");
      expect(await new Promise((r) => emu.on("exit", (c) => r(c)))).toBe(0);
    }
  });

  it("type-checks and runs an ESM TypeScript consumer of its API", () => {
    mkdirSync(join(project, "src"), { recursive: true });
    writeFileSync(join(project, "src", "consumer.ts"), CONSUMER);
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          outDir: "out",
          typeRoots: [join(root, "node_modules", "@types")],
          types: ["node"],
        },
        include: ["src"],
      }),
    );
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", project], {
      stdio: "pipe",
    });
    const out = execFileSync(process.execPath, [join(project, "out", "consumer.js")], {
      cwd: project,
      encoding: "utf8",
    });
    const r = JSON.parse(out) as { exitCode: number; verdict: string; violated: string[]; must: number };
    expect(r).toMatchObject({ exitCode: 1, verdict: "NOT CONFORMANT" });
    expect(r.violated).toContain("group-cap-32");
    expect(r.must).toBeGreaterThan(20);
  });
});
