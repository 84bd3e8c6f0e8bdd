import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

// A package registry on loopback for the tests of the reusable Action (action.yml): its install
// step runs `npm install` as it does on a runner, served here, so no test reaches the internet.
// It serves this repository's packed tarball and its production dependencies, each packed from
// node_modules (npm pack of a folder needs no network); npm checks every tarball's integrity.

interface Packed {
  name: string;
  version: string;
  /** the package's own package.json: npm links bins and checks engines from the registry's copy */
  manifest: Record<string, unknown>;
  file: string;
  integrity: string;
}

const manifestOf = (dir: string): Record<string, unknown> & { name: string; version: string } =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

function pack(dir: string, dest: string): { file: string; integrity: string } {
  const out = execFileSync("npm", ["pack", dir, "--ignore-scripts", "--json", "--pack-destination", dest], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [r] = JSON.parse(out.slice(out.indexOf("["))) as Array<{ filename: string; integrity: string }>;
  if (!r) throw new Error(`npm pack ${dir} gave nothing`);
  return { file: join(dest, r.filename), integrity: r.integrity };
}

/** Starts the registry with `root` (this repository, packed) and its production dependencies. */
export async function localRegistry(
  root: string,
  dest: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version: string; dev?: boolean; devOptional?: boolean }>;
  };
  const own = manifestOf(root);
  const packed: Packed[] = [{ name: own.name, version: own.version, manifest: own, ...pack(root, dest) }];
  for (const [path, p] of Object.entries(lock.packages)) {
    if (!path.startsWith("node_modules/") || p.dev || p.devOptional) continue;
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const dir = join(root, path);
    packed.push({ name, version: p.version, manifest: manifestOf(dir), ...pack(dir, dest) });
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://registry");
    const tarball = packed.find((p) => url.pathname === `/-/${p.name}-${p.version}.tgz`);
    if (tarball) {
      res.writeHead(200, { "content-type": "application/octet-stream" }).end(readFileSync(tarball.file));
      return;
    }
    const name = decodeURIComponent(url.pathname.slice(1));
    const versions = packed.filter((p) => p.name === name);
    if (versions.length === 0) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    const base = `http://${req.headers.host}`;
    const doc = {
      name,
      "dist-tags": { latest: versions.at(-1)?.version },
      versions: Object.fromEntries(
        versions.map((p) => [
          p.version,
          {
            ...p.manifest,
            dist: { tarball: `${base}/-/${p.name}-${p.version}.tgz`, integrity: p.integrity },
          },
        ]),
      ),
    };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(doc));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
