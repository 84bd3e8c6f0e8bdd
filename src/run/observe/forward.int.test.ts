import { createServer as createHttpServer } from "node:http";
import { type AddressInfo, connect, createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningObserver, startObserver } from "./observer.js";

// Issue 23: the observer never changes traffic. A raw upstream sees the bytes a client sent, and
// a raw client the bytes the upstream answered, through the observer and directly: they must be
// the same, but for the Host line (RFC 9110 §7.2: it names the upstream the request goes to).
const opened: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const c of opened.splice(0).reverse()) await c.close();
});

async function listening(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  opened.push({ close: () => new Promise((r) => server.close(() => r(undefined))) });
  return (server.address() as AddressInfo).port;
}

/** An upstream that records each request's raw bytes and answers `answer`, whatever was asked. */
async function rawUpstream(answer: string): Promise<{ port: number; seen: string[]; cut: () => void }> {
  const seen: string[] = [];
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    sockets.push(s);
    let got = "";
    s.on("data", (d) => {
      got += d.toString("latin1");
      const head = got.indexOf("\r\n\r\n");
      const length = Number(/content-length: *(\d+)/i.exec(got)?.[1] ?? 0);
      if (head >= 0 && got.length >= head + 4 + length) {
        seen.push(got);
        got = "";
        s.write(answer);
      }
    });
  });
  const cut = () => {
    for (const s of sockets) s.destroy();
  };
  opened.push({ close: cut });
  return { port: await listening(server), seen, cut };
}

/** Sends raw bytes and returns every byte that came back until the peer closed or `enough` said so. */
function rawExchange(port: number, bytes: string, enough: (got: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = "";
    const s = connect(port, "127.0.0.1", () => s.write(bytes));
    s.on("data", (d) => {
      got += d.toString("latin1");
      if (enough(got)) {
        s.destroy();
        resolve(got);
      }
    });
    s.on("error", reject);
    s.on("close", () => resolve(got));
  });
}

async function observer(upstream: string): Promise<RunningObserver> {
  const o = await startObserver({ upstream });
  opened.push(o);
  return o;
}

/** A request no client rule faults (the credentials are not judged here: none were given). */
const GOOD = { method: "POST", body: '{"From_Account":"u1","GroupName":["g"]}' };
const GROUP_ADD = "/v4/sns/group_add?sdkappid=1&identifier=admin&usersig=x&random=7&contenttype=json";

const ANSWER =
  "HTTP/1.1 200 OK\r\nX-Trace: b1\r\ncontent-type: application/json\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 75\r\n\r\n" +
  '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ErrorDisplay":"","x":1}\n';

describe("the pass-through never changes traffic", () => {
  it("passes the request's bytes and header lines in order and case, and the answer's bytes exactly", async () => {
    const up = await rawUpstream(ANSWER);
    const o = await observer(`http://127.0.0.1:${up.port}`);
    const body = '{"From_Account":"u1","GroupName":["g"]}';
    const request = (port: number) =>
      `POST /v4/sns/group_add?sdkappid=1&identifier=admin&random=7&contenttype=json HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nuser-agent: python-requests/2.31.0\r\nAccept-Encoding: gzip, deflate\r\nAccept: */*\r\nConnection: keep-alive\r\nX-Odd-Case: Kept\r\nContent-Length: ${body.length}\r\nContent-Type: application/json\r\n\r\n${body}`;
    const done = (got: string) => got.endsWith('"x":1}\n');
    const direct = await rawExchange(up.port, request(up.port), done);
    const through = await rawExchange(o.port, request(o.port), done);
    expect(through).toBe(direct);
    expect(direct).toBe(ANSWER);
    const [viaDirect, viaObserver] = up.seen;
    const withoutHost = (s: string | undefined) => s?.replace(/\r\nHost: [^\r]*/, "\r\nHost: *");
    expect(withoutHost(viaObserver)).toBe(withoutHost(viaDirect));
    expect(viaObserver).toContain(`\r\nHost: 127.0.0.1:${up.port}\r\n`);
  });

  it("streams both ways: the first part of an answer reaches the client before the upstream has sent the rest", async () => {
    let release: () => void = () => {};
    const server = createHttpServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
      res.write('{"ActionStatus":"OK",');
      release = () => res.end('"ErrorCode":0,"ErrorInfo":""}');
    });
    const port = await listening(server);
    opened.push({ close: () => server.closeAllConnections() });
    const o = await observer(`http://127.0.0.1:${port}`);
    const res = await fetch(`${o.url}/v4/sns/group_get`, { method: "POST", body: "{}" });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    // The upstream has not finished: the observer passed what it had, it did not wait for the end.
    expect(first).toBe('{"ActionStatus":"OK",');
    release();
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += new TextDecoder().decode(r.value);
    expect(first + rest).toBe('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}');
  });
});

describe("upstream failures are passed back as they came, and reported as such", () => {
  it("closes the client's connection without an answer when the upstream cannot be reached; nothing judgeable is exit 3", async () => {
    const closed = createServer();
    const port = await listening(closed);
    await new Promise((r) => closed.close(r));
    const o = await observer(`http://127.0.0.1:${port}`);
    const err = await fetch(`${o.url}${GROUP_ADD}`, GOOD).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const r = await o.report();
    expect(r.exitCode).toBe(3);
    expect(r.unjudged).toMatch(/no group_add answer came back.*1 without an answer from the upstream/);
    const notices = (r.report as { notices: string[] }).notices;
    expect(notices.join("\n")).toMatch(
      /upstream failure, passed to the client as it came .*TIM_ERR_UNREACHABLE/,
    );
  });

  it("passes a gateway status on unchanged and does not judge it (docs/sources/tencent-im-rest.md §3.2: a network error)", async () => {
    const up = await rawUpstream(
      "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 11\r\n\r\nbad gateway",
    );
    const o = await observer(`http://127.0.0.1:${up.port}`);
    const res = await fetch(`${o.url}${GROUP_ADD}`, GOOD);
    expect([res.status, res.statusText, await res.text()]).toEqual([502, "Bad Gateway", "bad gateway"]);
    const r = await o.report();
    expect(r.exitCode).toBe(3);
    expect(r.rules.find((x) => x.id === "http-200")?.verdict).toBe("not-judged");
  });

  it("breaks the client's answer off where the upstream broke it off", async () => {
    const up = await rawUpstream(
      'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"ActionStatus":"OK"',
    );
    const o = await observer(`http://127.0.0.1:${up.port}`);
    const res = await fetch(`${o.url}${GROUP_ADD}`, GOOD);
    const pending = res.text();
    up.cut(); // the upstream goes away mid-answer
    await expect(pending).rejects.toThrow();
  });
});
