import { generateKeyPair, randomBytes, X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { promisify } from "node:util";
import * as forge from "node-forge";

/** A server certificate and key, both PEM; the certificate is its own CA (self-signed). */
export interface TlsMaterial {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate DER as colon-separated uppercase hex (Node's `fingerprint256` format). */
  fingerprint256: string;
}

const generateRsa = promisify(generateKeyPair);

/**
 * A self-signed loopback certificate, built with node-forge like TenantCertificate's. The RSA
 * key comes from Node's native crypto on the thread pool (forge's own prime search is 35x
 * slower, certificates.md §1.1); 2048 bits keep startup well under a second. CA:TRUE lets
 * clients pass it as `ca` directly, the way `openssl req -x509` certificates work.
 */
export async function generateSelfSigned(hosts: readonly string[]): Promise<TlsMaterial> {
  const { publicKey, privateKey } = await generateRsa("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // Positive serial: RFC 5280 §4.1.2.2.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  certificate.serialNumber = serial.toString("hex");
  certificate.validity.notBefore = new Date(Date.now() - 5 * 60_000);
  certificate.validity.notAfter = new Date(certificate.validity.notBefore.getTime() + 825 * 24 * 3600_000);
  const name = [
    { shortName: "CN", value: "vb365-emulator" },
    { shortName: "O", value: "vb365-emulator" },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  const altNames = [...new Set(["localhost", "127.0.0.1", "::1", ...hosts])].map((host) =>
    isIP(host) ? { type: 7, ip: plainIp(host) } : { type: 2, value: host },
  );
  certificate.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames },
    { name: "subjectKeyIdentifier" },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(certificate);
  return { certPem, keyPem: privateKey, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}

/** forge reads IPv6 only in hex groups: "::ffff:10.0.0.1" becomes "::ffff:a00:1", as URL writes it. */
function plainIp(address: string): string {
  return isIP(address) === 6 ? new URL(`http://[${address}]`).hostname.slice(1, -1) : address;
}
