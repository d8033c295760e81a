import { generateKeyPair, randomBytes, X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { promisify } from "node:util";
import type * as Forge from "node-forge";

/** A server certificate and key, both PEM; the certificate is its own CA (self-signed). */
export interface TlsMaterial {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate DER as colon-separated uppercase hex (Node's `fingerprint256` format). */
  fingerprint256: string;
}

const generateRsa = promisify(generateKeyPair);

/**
 * A self-signed loopback certificate. The key comes from Node's native generator (certificates.md
 * §1.1: forge's pure-JS path is 35-45x slower); forge only assembles and signs the X.509.
 * CA:TRUE lets clients pass it as `ca` directly, the way `openssl req -x509` certificates work.
 */
export async function generateSelfSigned(hosts: readonly string[]): Promise<TlsMaterial> {
  // The key is generated on libuv's thread pool while forge loads on the main thread.
  const keys = generateRsa("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const forge = require("node-forge") as typeof Forge;
  const { privateKey, publicKey } = await keys;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // Positive serial: RFC 5280 §4.1.2.2, as jfromaniello/selfsigned does.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  certificate.serialNumber = serial.toString("hex");
  const notBefore = new Date(Date.now() - 5 * 60_000);
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = new Date(notBefore.getTime() + 825 * 24 * 3600_000);
  const subject = [{ name: "commonName", value: "vb365-emulator" }, { name: "organizationName", value: "vb365-emulator" }];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  const names = [...new Set(["localhost", "127.0.0.1", "::1", ...hosts])];
  certificate.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames: names.map((name) => (isIP(name) ? { type: 7, ip: name } : { type: 2, value: name })) },
    { name: "subjectKeyIdentifier" },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(certificate);
  return { certPem, keyPem: privateKey, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}
