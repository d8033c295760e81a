import { expect } from "chai";
import { describe, it } from "mocha";
import * as forge from "node-forge";
import { createNativeSha1, withNativeSha1 } from "../../../provider/tenant-certificate/native-sha1";

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
});
