import { createHash, generateKeyPair, randomBytes, sign, X509Certificate, type KeyObject } from "node:crypto";
import { isIP } from "node:net";
import { promisify } from "node:util";
import * as der from "./der";

/** A server certificate and key, both PEM; the certificate is its own CA (self-signed). */
export interface TlsMaterial {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate DER as colon-separated uppercase hex (Node's `fingerprint256` format). */
  fingerprint256: string;
}

const generateEc = promisify(generateKeyPair);

const OID = {
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organizationName: "2.5.4.10",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  subjectAltName: "2.5.29.17",
  subjectKeyIdentifier: "2.5.29.14",
};

/**
 * A self-signed loopback certificate on an ECDSA P-256 key, written with node:crypto. An RSA
 * key would need 0.1-0.8 s to generate on a busy machine (certificates.md §1.1), which alone can
 * break the one-second startup; P-256 takes a millisecond and every TLS client accepts it.
 * CA:TRUE lets clients pass it as `ca` directly, the way `openssl req -x509` certificates work.
 */
export async function generateSelfSigned(hosts: readonly string[]): Promise<TlsMaterial> {
  const { privateKey, publicKey } = (await generateEc("ec", { namedCurve: "P-256" })) as { privateKey: KeyObject; publicKey: KeyObject };
  const spki = publicKey.export({ type: "spki", format: "der" });
  const name = der.sequence(
    der.set(der.sequence(der.objectIdentifier(OID.commonName), der.utf8String("vb365-emulator"))),
    der.set(der.sequence(der.objectIdentifier(OID.organizationName), der.utf8String("vb365-emulator"))),
  );
  const notBefore = new Date(Date.now() - 5 * 60_000);
  const notAfter = new Date(notBefore.getTime() + 825 * 24 * 3600_000);
  const algorithm = der.sequence(der.objectIdentifier(OID.ecdsaWithSha256));
  // Positive serial: RFC 5280 §4.1.2.2.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const tbs = der.sequence(
    der.explicit(0, der.unsignedInteger(Buffer.from([2]))),
    der.unsignedInteger(serial),
    algorithm,
    name,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    name,
    spki,
    der.explicit(3, der.sequence(...extensions(hosts, spki))),
  );
  const signature = sign("sha256", tbs, privateKey);
  const certificate = der.sequence(tbs, algorithm, der.bitString(signature));
  const certPem = `-----BEGIN CERTIFICATE-----\n${certificate.toString("base64").replace(/(.{64})/g, "$1\n").trimEnd()}\n-----END CERTIFICATE-----\n`;
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { certPem, keyPem, fingerprint256: new X509Certificate(certPem).fingerprint256 };
}

function extensions(hosts: readonly string[], spki: Buffer): Buffer[] {
  const extension = (oid: string, critical: boolean, value: Buffer) =>
    der.sequence(der.objectIdentifier(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
  const names = [...new Set(["localhost", "127.0.0.1", "::1", ...hosts])].map((host) =>
    isIP(host) ? der.implicit(7, ipBytes(host)) : der.implicit(2, Buffer.from(host, "ascii")),
  );
  // The key identifier is the SHA-1 of the public key bits (RFC 5280 §4.2.1.2, method 1); in a
  // P-256 SPKI they are the last 65 bytes (uncompressed point).
  const keyIdentifier = createHash("sha1").update(spki.subarray(spki.length - 65)).digest();
  return [
    extension(OID.basicConstraints, true, der.sequence(der.boolean(true))),
    // digitalSignature (bit 0) and keyCertSign (bit 5): 1000 0100, the last 2 bits unused.
    extension(OID.keyUsage, true, der.bitString(Buffer.from([0x84]), 2)),
    extension(OID.extKeyUsage, false, der.sequence(der.objectIdentifier(OID.serverAuth))),
    extension(OID.subjectAltName, false, der.sequence(...names)),
    extension(OID.subjectKeyIdentifier, false, der.octetString(keyIdentifier)),
  ];
}

function ipBytes(address: string): Buffer {
  if (isIP(address) === 4) return Buffer.from(address.split(".").map(Number));
  // An embedded IPv4 tail ("::ffff:10.0.0.1") is two 16-bit groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  const text = dotted
    ? address.slice(0, dotted.index) + Buffer.from(dotted[1]!.split(".").map(Number)).toString("hex").replace(/(.{4})(.{4})/, "$1:$2")
    : address;
  // Expand "::" so that the address has eight 16-bit groups.
  const [head = "", tail = ""] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = text.includes("::") && tail ? tail.split(":") : [];
  const groups = text.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return Buffer.concat(groups.map((group) => Buffer.from(group.padStart(4, "0"), "hex")));
}
