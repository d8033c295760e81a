import { createSecureContext } from "node:tls";
import { expect } from "chai";
import * as forge from "node-forge";
import { buildCertificate } from "../../provider/tenant-certificate/certificate";
import { type RsaKeyPair, generateRsaKeyPair } from "../../provider/tenant-certificate/keypair";

export interface KeyAndCertificate {
  keyPair: RsaKeyPair;
  certificate: forge.pki.Certificate;
}

/** A fresh 2048-bit key and a 30-day certificate of it: what the tests of PFX writing wrap. */
export async function keyAndCertificate(commonName: string): Promise<KeyAndCertificate> {
  const keyPair = await generateRsaKeyPair(2048);
  return { keyPair, certificate: buildCertificate({ subject: { commonName }, validityDays: 30, keyPair, at: new Date() }) };
}

/** OpenSSL opens `pfx` with `password`, and plain forge (its own digests and derivations) finds exactly `privateKey` in it. */
export function expectOpenedEverywhere(pfx: Buffer, password: string, privateKey: forge.pki.rsa.PrivateKey): void {
  expect(() => createSecureContext({ pfx, passphrase: password }), "OpenSSL opens it").not.to.throw();
  const plain = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(pfx.toString("binary")), false, password);
  const keys = plain.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [];
  expect(keys).to.have.length(1);
  expect(keys[0]!.key?.n.equals(privateKey.n), "plain forge opens it to the same key").to.equal(true);
}
