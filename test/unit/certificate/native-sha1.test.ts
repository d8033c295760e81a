import { expect } from "chai";
import { afterEach, before, describe, it } from "mocha";
import * as forge from "node-forge";
import type { RsaKeyPair } from "../../../provider/tenant-certificate/keypair";
import { createNativeSha1, nativeSha1DigestCount, withNativeSha1 } from "../../../provider/tenant-certificate/native-sha1";
import { readPfx } from "../../../provider/tenant-certificate/pfx";
import type { PfxEncryption } from "../../../provider/tenant-certificate/types";
import { expectOpenedEverywhere, keyAndCertificate } from "../../helpers/pfx-fixture";

function forgeSha1Hex(message: string, encoding?: "utf8"): string {
  return forge.md.sha1.create().update(message, encoding).digest().toHex();
}

describe("Node's SHA-1 behind forge's digest interface", () => {
  const messages = ["", "abc", "\u0000\u00ff\u0080 binary bytes", forge.random.getBytesSync(100_000)];

  it("digests what forge's own SHA-1 digests, byte for byte", () => {
    for (const message of messages) {
      expect(createNativeSha1().update(message).digest().toHex()).to.equal(forgeSha1Hex(message));
    }
    expect(createNativeSha1().update("ünïcödé", "utf8").digest().toHex()).to.equal(forgeSha1Hex("ünïcödé", "utf8"));
  });

  it("accumulates updates, restarts on start, and leaves the state alone on digest, as forge does", () => {
    const digest = createNativeSha1().update("ab").update("c");
    expect(digest.digest().toHex()).to.equal(forgeSha1Hex("abc"));
    expect(digest.digest().toHex(), "a second digest").to.equal(forgeSha1Hex("abc"));
    // @types/node-forge leaves start() out of MessageDigest; forge's key derivation calls it.
    const restartable = digest as forge.md.MessageDigest & { start(): forge.md.MessageDigest };
    expect(restartable.start().update("x").digest().toHex()).to.equal(forgeSha1Hex("x"));
  });

  it("derives the same PKCS#12 keys and MACs", () => {
    const salt = forge.util.createBuffer(forge.random.getBytesSync(8));
    for (const id of [1, 2, 3]) {
      const expected = forge.pkcs12.generateKey("pässword", salt.copy(), id, 2048, 24).toHex();
      expect(forge.pkcs12.generateKey("pässword", salt.copy(), id, 2048, 24, createNativeSha1()).toHex()).to.equal(expected);
    }
    const hmac = (md: forge.md.MessageDigest) => {
      const mac = forge.hmac.create();
      mac.start(md, "key bytes");
      mac.update("authenticated safe");
      return mac.digest().toHex();
    };
    expect(hmac(createNativeSha1())).to.equal(hmac(forge.md.sha1.create()));
  });

  it("swaps forge's SHA-1 only while the build runs, and puts it back when the build throws", () => {
    const original = forge.md.sha1.create;
    expect(withNativeSha1(() => forge.md.sha1.create !== original)).to.equal(true);
    expect(forge.md.sha1.create).to.equal(original);
    expect(() =>
      withNativeSha1(() => {
        throw new Error("build failed");
      }),
    ).to.throw("build failed");
    expect(forge.md.sha1.create).to.equal(original);
  });

  describe("inside forge's PKCS#12 code, as the provider uses it", () => {
    let keyPair: RsaKeyPair;
    let certificate: forge.pki.Certificate;
    // ASCII: forge writes an AES PFX's PBKDF2 password in Latin-1, not the UTF-8 OpenSSL reads.
    const password = "Pfx-Passw0rd-for-tests!";

    before(async () => {
      ({ keyPair, certificate } = await keyAndCertificate("sha1.example"));
    });

    for (const encryption of ["3des", "aes256"] as PfxEncryption[]) {
      it(`is what forge hashes with to write and read a ${encryption} PFX, which OpenSSL and plain forge then open`, () => {
        // forge's PKCS#12 code with the SHA-1 swap alone (the provider adds pkcs12-kdf.ts's derivation on top).
        const options = { algorithm: encryption, generateLocalKeyId: true, count: 2048, ...(encryption === "aes256" ? { prfAlgorithm: "sha256" } : {}) };
        const beforeWrite = nativeSha1DigestCount();
        const pfx = withNativeSha1(() => Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keyPair.privateKey, [certificate], password, options)).getBytes(), "binary"));
        // If forge stops looking the factory up while it hashes, the swap is dead weight: remove it.
        expect(nativeSha1DigestCount() - beforeWrite, "digests Node answered while writing").to.be.greaterThan(2048);

        const beforeRead = nativeSha1DigestCount();
        withNativeSha1(() => forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(pfx.toString("binary")), false, password));
        expect(nativeSha1DigestCount() - beforeRead, "digests Node answered while reading").to.be.greaterThan(2048);
        expect(readPfx(pfx, password).problem, "the provider reads it").to.equal(undefined);

        expectOpenedEverywhere(pfx, password, keyPair.privateKey);
      });
    }
  });

  describe("when forge's SHA-1 is not what the swap was written for", () => {
    const sha1 = forge.md.sha1 as { create: () => forge.md.MessageDigest };
    const original = sha1.create;
    afterEach(() => {
      Object.defineProperty(sha1, "create", { value: original, writable: true, configurable: true, enumerable: true });
    });

    it("builds on plain forge when the factory makes something other than SHA-1", () => {
      const md5 = () => forge.md.md5.create();
      sha1.create = md5;
      const digests = nativeSha1DigestCount();
      expect(withNativeSha1(() => sha1.create)).to.equal(md5);
      expect(nativeSha1DigestCount()).to.equal(digests);
    });

    it("builds on plain forge when the factory cannot be replaced", () => {
      Object.defineProperty(sha1, "create", { value: original, writable: false, configurable: true });
      expect(withNativeSha1(() => sha1.create)).to.equal(original);
    });

    it("builds on plain forge when the factory throws", () => {
      const broken = () => {
        throw new Error("no SHA-1 here");
      };
      sha1.create = broken;
      expect(withNativeSha1(() => sha1.create)).to.equal(broken);
    });
  });
});
