import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { createSecureContext, TLSSocket } from "node:tls";
import { tencentDomains } from "../../emulator/tls.js";

/** Tencent's IM domains, the only hosts the observer's proxy opens a tunnel for (lower case). */
const PROXIED = new Set(tencentDomains().map((d) => d.toLowerCase()));

/** The domain each tunnelled connection was opened for: its requests are that domain's. */
const DOMAIN = new WeakMap<object, string>();

/** The Tencent domain a request came through a tunnel for, or undefined for a plain request. */
export const tunnelDomainOf = (req: IncomingMessage): string | undefined => DOMAIN.get(req.socket);

/**
 * The observer as an HTTPS proxy (RFC 9110 §9.3.6 CONNECT) for Tencent's IM domains only, so an SDK
 * that hard-codes https://console.tim.qq.com is observed with nothing changed but HTTPS_PROXY and a
 * trusted CA: a CONNECT to one of them on port 443 is answered here over TLS with the observer's
 * certificate (made for every IM domain by the local CA, as the emulator's), and its requests go
 * through the same forwarder as plain ones. Any other host gets 403 and is never connected to.
 */
export function acceptTunnels(server: Server, tls: { certPem: string; keyPem: string }): void {
  const context = createSecureContext({ key: tls.keyPem, cert: tls.certPem });
  server.on("connect", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = req.url ?? "";
    const colon = target.lastIndexOf(":");
    const host = (colon > 0 ? target.slice(0, colon) : target).toLowerCase();
    if (!PROXIED.has(host) || target.slice(colon + 1) !== "443") {
      socket.end(
        "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nthe observer's proxy opens tunnels only to Tencent IM domains on port 443\n",
      );
      return;
    }
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    if (head.length > 0) socket.unshift(head);
    const secure = new TLSSocket(socket, { isServer: true, secureContext: context });
    secure.on("error", () => secure.destroy());
    DOMAIN.set(secure, host);
    server.emit("connection", secure);
  });
}
