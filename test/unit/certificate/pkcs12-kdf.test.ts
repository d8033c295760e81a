import * as crypto from "node:crypto";
import { expect } from "chai";
import { afterEach, before, describe, it } from "mocha";
import * as forge from "node-forge";
import type { RsaKeyPair } from "../../../provider/tenant-certificate/keypair";
import { fastPkcs12Derivations, pkcs12Key, sha1Rounds, withFastPkcs12 } from "../../../provider/tenant-certificate/pkcs12-kdf";
import { readPfx } from "../../../provider/tenant-certificate/pfx";
import { buildPfx } from "../../../provider/tenant-certificate/pkcs12";
import type { PfxEncryption } from "../../../provider/tenant-certificate/types";
import { opensslRecipePfx } from "../../helpers/certificate";
import { expectOpenedEverywhere, keyAndCertificate } from "../../helpers/pfx-fixture";

/** forge's own derivation with forge's own digest: the reference. */
function forgeKey(password: string | null, salt: Buffer, id: number, iterations: number, length: number, digest: "sha1" | "sha256" = "sha1"): string {
  return forge.pkcs12.generateKey(password, forge.util.createBuffer(salt.toString("binary")), id, iterations, length, forge.md[digest].create()).toHex();
}

describe("the key derivations of PKCS#12 files", () => {
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
          expect(pkcs12Key(password, salt, id, 3, length).toString("hex"), label).to.equal(forgeKey(password, salt, id, 3, length));
        }
      }
    }
    const salt = crypto.randomBytes(8);
    expect(pkcs12Key("Pfx-Passw0rd!", salt, 1, 2048, 24).toString("hex"), "2,048 rounds").to.equal(forgeKey("Pfx-Passw0rd!", salt, 1, 2048, 24));
  });

  it("derives forge's bytes with SHA-256, OpenSSL 3's MAC digest", () => {
    for (const password of ["", "Pfx-Passw0rd!", "pässwörd", "x".repeat(70)]) {
      for (const [id, length] of [[3, 32], [1, 24], [1, 70]] as const) {
        const salt = crypto.randomBytes(8);
        expect(pkcs12Key(password, salt, id, 5, length, "sha256").toString("hex"), `${JSON.stringify(password)}, id ${id}, ${length} bytes`).to.equal(forgeKey(password, salt, id, 5, length, "sha256"));
      }
    }
  });

  it("gives forge's PBKDF2 bytes through Node's for ASCII passwords, and leaves the others to forge", () => {
    const salt = crypto.randomBytes(16).toString("binary");
    const reference = (password: string, digest: "sha1" | "sha256" | "sha512") => forge.pkcs5.pbkdf2(password, salt, 2048, 32, forge.md[digest].create());
    for (const digest of ["sha1", "sha256", "sha512"] as const) {
      const expected = reference("Pfx-Passw0rd!", digest);
      const before = fastPkcs12Derivations();
      expect(withFastPkcs12(() => forge.pkcs5.pbkdf2("Pfx-Passw0rd!", salt, 2048, 32, forge.md[digest].create())), digest).to.equal(expected);
      expect(fastPkcs12Derivations() - before, `${digest} through Node`).to.equal(1);
    }
    const before = fastPkcs12Derivations();
    expect(withFastPkcs12(() => forge.pkcs5.pbkdf2("pässwörd", salt, 2048, 32, forge.md.sha256.create()))).to.equal(reference("pässwörd", "sha256"));
    expect(fastPkcs12Derivations() - before, "a non-ASCII password stays with forge").to.equal(0);
  });

  describe("inside forge's PKCS#12 code, as the provider uses it", () => {
    let keyPair: RsaKeyPair;
    let certificate: forge.pki.Certificate;
    const password = "Pfx-Passw0rd-for-tests!";

    before(async () => {
      ({ keyPair, certificate } = await keyAndCertificate("kdf.example"));
    });

    for (const encryption of ["3des", "aes256"] as PfxEncryption[]) {
      it(`derives the keys to write and read a ${encryption} PFX, which OpenSSL and plain forge then open`, () => {
        const beforeWrite = fastPkcs12Derivations();
        const pfx = buildPfx({ privateKey: keyPair.privateKey, certificate, password, encryption });
        // 3DES derives the key bag's key and IV and the MAC key (forge leaves the certificate bag
        // unencrypted); AES the MAC key and, by PBKDF2, its key bag's key.
        const derivedToWrite = fastPkcs12Derivations() - beforeWrite;
        expect(derivedToWrite, "derivations while writing").to.equal(encryption === "3des" ? 3 : 2);

        const beforeRead = fastPkcs12Derivations();
        expect(readPfx(pfx, password).problem).to.equal(undefined);
        expect(fastPkcs12Derivations() - beforeRead, "derivations while reading").to.equal(derivedToWrite);

        expectOpenedEverywhere(pfx, password, keyPair.privateKey);
      });
    }

    it("reads what OpenSSL 3 exports by default (AES-256, PBKDF2-SHA256, a SHA-256 MAC), with every key derived here", () => {
      const exported = opensslRecipePfx({ password });
      const pfx = Buffer.from(exported.pfxBase64, "base64");
      const before = fastPkcs12Derivations();
      const reading = readPfx(pfx, password);
      expect(reading.problem).to.equal(undefined);
      expect(reading.contents?.friendlyName).to.equal("Contoso VB365 Tenant");
      // The MAC key and the PBKDF2 keys of the key bag and of the encrypted certificate bag.
      expect(fastPkcs12Derivations() - before, "derivations while reading").to.equal(3);
      expect(readPfx(pfx, `${password}x`).problem?.property, "a wrong password is still wrong").to.equal("password");
    });

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
