import { createSecureContext } from "node:tls";
import { configError } from "../core/kernel/errors.js";

/**
 * A certificate and its key, proven usable before the server starts: an empty or junk file was
 * accepted, or blamed on the port when listening failed (issue 21). Node's TLS says whether the
 * PEM parses and whether the key is the certificate's.
 */
export function checkedPem(
  m: { certPem: string; keyPem: string },
  certFile: string,
  keyFile: string,
): { certPem: string; keyPem: string } {
  if (!m.certPem.includes("-----BEGIN CERTIFICATE-----"))
    throw configError("--cert", `${certFile} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(m.keyPem))
    throw configError("--key", `${keyFile} holds no PEM private key (-----BEGIN … PRIVATE KEY-----)`);
  try {
    createSecureContext({ cert: m.certPem, key: m.keyPem });
  } catch (e) {
    const why = (e as Error).message.replace(/^error:[0-9A-F]+:/, "").trim();
    throw configError(
      "--cert/--key",
      `${certFile} and ${keyFile} are not a usable certificate and key (${why})`,
    );
  }
  return m;
}
