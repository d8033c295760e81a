import * as crypto from "node:crypto";
import { createSecureContext } from "node:tls";
import { expect } from "chai";
import { afterEach, before, describe, it } from "mocha";
import * as forge from "node-forge";
import { buildCertificate } from "../../../provider/tenant-certificate/certificate";
import { type RsaKeyPair, generateRsaKeyPair } from "../../../provider/tenant-certificate/keypair";
import { fastPkcs12Derivations, pkcs12Sha1Key, sha1Rounds, withFastPkcs12 } from "../../../provider/tenant-certificate/pkcs12-kdf";
import { readPfx } from "../../../provider/tenant-certificate/pfx";
import { buildPfx } from "../../../provider/tenant-certificate/pkcs12";
import type { PfxEncryption } from "../../../provider/tenant-certificate/types";

/** forge's own derivation with forge's own SHA-1: the reference. */
function forgeKey(password: string | null, salt: Buffer, id: number, iterations: number, length: number): string {
  return forge.pkcs12.generateKey(password, forge.util.createBuffer(salt.toString("binary")), id, iterations, length, forge.md.sha1.create()).toHex();
}

describe("the PKCS#12 key derivation with SHA-1", () => {
  it("hashes a digest round after round as Node's SHA-1 does", () => {
    for (const rounds of [0, 1, 2, 7, 2048]) {
      let expected = crypto.randomBytes(20);
      const start = expected;
      for (let i = 0; i < rounds; i++) expected = crypto.createHash("sha1").update(expected).digest();
      expect(sha1Rounds(start, rounds).toString("hex"), `${rounds} rounds`).to.equal(expected.toString("hex"));
    }
  });

  it("derives forge's bytes for every id, length, salt and password a PFX can bring", () => {
    const passwords = ["", "Pfx-Passw0rd!", "pässwörd ünïcödé 密码", "x".repeat(70), null];
    const salts = [Buffer.alloc(0), crypto.randomBytes(8), crypto.randomBytes(20), crypto.randomBytes(64), crypto.randomBytes(65)];
    for (const password of passwords) {
      for (const salt of salts) {
        for (const [id, length] of [[1, 24], [2, 8], [3, 20], [1, 32], [1, 5], [1, 61]] as const) {
          const label = `password ${JSON.stringify(password)}, ${salt.length}-byte salt, id ${id}, ${length} bytes`;
          expect(pkcs12Sha1Key(password, salt, id, 3, length).toString("hex"), label).to.equal(forgeKey(password, salt, id, 3, length));
        }
      }
    }
    const salt = crypto.randomBytes(8);
    expect(pkcs12Sha1Key("Pfx-Passw0rd!", salt, 1, 2048, 24).toString("hex"), "2,048 rounds").to.equal(forgeKey("Pfx-Passw0rd!", salt, 1, 2048, 24));
  });

  describe("inside forge's PKCS#12 code, as the provider uses it", () => {
    let keyPair: RsaKeyPair;
    let certificate: forge.pki.Certificate;
    const password = "Pfx-Passw0rd-for-tests!";

    before(async () => {
      keyPair = await generateRsaKeyPair(2048);
      certificate = buildCertificate({ subject: { commonName: "kdf.example" }, validityDays: 30, keyPair, at: new Date() });
    });

    for (const encryption of ["3des", "aes256"] as PfxEncryption[]) {
      it(`derives the keys to write and read a ${encryption} PFX, which OpenSSL and plain forge then open`, () => {
        const beforeWrite = fastPkcs12Derivations();
        const pfx = buildPfx({ privateKey: keyPair.privateKey, certificate, password, encryption });
        // 3DES derives the key bag's key and IV and the MAC key (forge leaves the certificate bag
        // unencrypted); AES only the MAC key, its bag's key coming from PBKDF2.
        const derivedToWrite = fastPkcs12Derivations() - beforeWrite;
        expect(derivedToWrite, "derivations while writing").to.equal(encryption === "3des" ? 3 : 1);

        const beforeRead = fastPkcs12Derivations();
        expect(readPfx(pfx, password).problem).to.equal(undefined);
        expect(fastPkcs12Derivations() - beforeRead, "derivations while reading").to.equal(derivedToWrite);

        expect(() => createSecureContext({ pfx, passphrase: password }), "OpenSSL opens it").not.to.throw();
        const plain = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(pfx.toString("binary")), false, password);
        const keys = plain.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? [];
        expect(keys[0]?.key?.n.equals(keyPair.privateKey.n), "plain forge opens it to the same key").to.equal(true);
      });
    }

    it("still says a wrong password is wrong", () => {
      const pfx = buildPfx({ privateKey: keyPair.privateKey, certificate, password, encryption: "3des" });
      expect(readPfx(pfx, "not-the-password").problem?.property).to.equal("password");
    });
  });

  describe("when forge's derivation is not what this module replaces", () => {
    const pkcs12 = forge.pkcs12 as unknown as { generateKey: unknown };
    const original = pkcs12.generateKey;
    afterEach(() => {
      Object.defineProperty(pkcs12, "generateKey", { value: original, writable: true, configurable: true, enumerable: true });
    });

    it("leaves a derivation that gives other bytes in place", () => {
      const other = () => forge.util.createBuffer("not the derivation");
      pkcs12.generateKey = other;
      expect(withFastPkcs12(() => pkcs12.generateKey)).to.equal(other);
    });

    it("leaves a derivation that cannot be replaced in place", () => {
      Object.defineProperty(pkcs12, "generateKey", { value: original, writable: false, configurable: true });
      expect(withFastPkcs12(() => pkcs12.generateKey)).to.equal(original);
    });

    it("replaces forge's own for the build and puts it back", () => {
      expect(withFastPkcs12(() => pkcs12.generateKey)).not.to.equal(original);
      expect(pkcs12.generateKey).to.equal(original);
    });
  });
});
