import { generateKeyPairSync } from "node:crypto";
import * as forge from "node-forge";

// PFX files that openssl's CLI cannot easily make (expired certificates, a key that does not
// belong to its certificate), built with forge alone so they do not depend on the code under test.

function rsaKey(bits: number): forge.pki.rsa.PrivateKey {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: bits,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return forge.pki.privateKeyFromPem(privateKey);
}

export interface ForgePfxOptions {
  password: string;
  commonName?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Put a different key than the certificate's in the PFX. */
  mismatchedKey?: boolean;
}

export function forgePfxBase64(options: ForgePfxOptions): string {
  const key = rsaKey(2048);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  certificate.serialNumber = "01";
  certificate.validity.notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  certificate.validity.notAfter = options.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  const name = [{ shortName: "CN", value: options.commonName ?? "fixture.contoso.local" }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(key, forge.md.sha256.create());
  const keyInPfx = options.mismatchedKey ? rsaKey(2048) : key;
  const asn1 = forge.pkcs12.toPkcs12Asn1(keyInPfx, [certificate], options.password, { algorithm: "3des" });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary").toString("base64");
}
