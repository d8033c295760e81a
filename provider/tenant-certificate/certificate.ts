import { type KeyObject, randomBytes, sign } from "node:crypto";
import * as forge from "node-forge";
import type { RsaKeyPair } from "./keypair";
import { DAY_MS } from "./limits";
import { toForgeAttributes } from "./subject";
import type { CertificateSubject } from "./types";

export interface CertificateRequest {
  subject: CertificateSubject;
  validityDays: number;
  keyPair: RsaKeyPair;
  at: Date;
}

// Back-dating by a few minutes keeps a freshly made certificate valid on hosts whose clock lags.
const CLOCK_SKEW_MS = 5 * 60_000;

/** A self-signed client/server authentication certificate, SHA-256 signed. */
export function buildCertificate(request: CertificateRequest): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = request.keyPair.publicKey;
  certificate.serialNumber = positiveSerialNumber();

  // X.509 times have whole seconds; dropping milliseconds keeps the outputs equal to the certificate.
  const notBefore = new Date(Math.floor((request.at.getTime() - CLOCK_SKEW_MS) / 1000) * 1000);
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = new Date(notBefore.getTime() + request.validityDays * DAY_MS);

  const name = toForgeAttributes(request.subject);
  certificate.setSubject(name);
  certificate.setIssuer(name);
  // Explicit usages: an app-only authentication certificate, never a CA (openssl req -x509 would
  // mark it CA:TRUE). Set after publicKey, because forge derives the key identifier from it.
  certificate.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", clientAuth: true, serverAuth: true },
    { name: "subjectKeyIdentifier" },
  ]);

  signWithSha256(certificate, request.keyPair.nativePrivateKey);
  return certificate;
}

/**
 * What forge's `certificate.sign(key, sha256)` does, with the RSA operation done by Node's
 * OpenSSL: forge's pure-JS RSA takes ~150 ms for a 4096-bit key and blocks the event loop
 * meanwhile; OpenSSL takes a few milliseconds. forge still encodes the whole certificate.
 */
function signWithSha256(certificate: forge.pki.Certificate, privateKey: KeyObject): void {
  certificate.md = forge.md.sha256.create();
  certificate.signatureOid = certificate.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption;
  // Boundary: getTBSCertificate is public in forge (x509.js) but missing from @types/node-forge.
  const pki = forge.pki as unknown as { getTBSCertificate(certificate: forge.pki.Certificate): forge.asn1.Asn1 };
  // certificateToAsn1 reuses this cached TBSCertificate, so the signed bytes are the ones written.
  certificate.tbsCertificate = pki.getTBSCertificate(certificate);
  const tbs = Buffer.from(forge.asn1.toDer(certificate.tbsCertificate).getBytes(), "binary");
  certificate.signature = sign("sha256", tbs, privateKey).toString("binary");
}

/** 16 random octets, first bit clear and first octet non-zero: positive and minimally DER-encoded. */
function positiveSerialNumber(): string {
  const serial = randomBytes(16);
  serial[0] = serial[0] & 0x7f || 0x01;
  return serial.toString("hex");
}
