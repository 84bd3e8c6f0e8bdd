import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";
import { limits } from "../core/contract/limits.js";

/** A local CA and a server certificate it signed, as PEM. */
export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

/**
 * Every name a client may hard-code: localhost and the regional domains of the
 * https://cloud.tencent.com/document/product/269/10107 and docs/sources/tencent-im-rest.md §3.3, with their backup domains (specs/limits.json).
 */
export function tencentDomains(): string[] {
  return Object.values(limits.regions).flat();
}

function keyPair(): forge.pki.rsa.KeyPair {
  // Node makes the key (fast, native); forge only builds and signs the certificates.
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
}

function certificate(
  keys: forge.pki.rsa.KeyPair,
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  extensions: object[],
  signer: forge.pki.rsa.PrivateKey,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${randomBytes(15).toString("hex")}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 86_400_000);
  cert.validity.notAfter = new Date(now + 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(signer, forge.md.sha256.create());
  return cert;
}

/**
 * Made at start: a CA that exists only on this machine, and a certificate it
 * signed for localhost, 127.0.0.1, ::1 and every Tencent IM domain, so a
 * client that hard-codes https://console.tim.qq.com trusts the emulator once
 * the CA is trusted (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE, SSL_CERT_FILE, a Java truststore).
 */
export function makeCertificates(names = ["localhost", ...tencentDomains()]): TlsMaterial {
  const caKeys = keyPair();
  const caName = [{ name: "commonName", value: "tim-conformance emulator local CA" }];
  const ca = certificate(
    caKeys,
    caName,
    caName,
    [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
      { name: "subjectKeyIdentifier" },
    ],
    caKeys.privateKey,
  );
  const keys = keyPair();
  const cert = certificate(
    keys,
    [{ name: "commonName", value: names[0] ?? "localhost" }],
    caName,
    [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          ...names.map((value) => ({ type: 2, value })),
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
    caKeys.privateKey,
  );
  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}
