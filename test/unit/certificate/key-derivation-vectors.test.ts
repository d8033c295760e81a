import { expect } from "chai";
import { describe, it } from "mocha";
import * as forge from "node-forge";

/**
 * Known answers for the password derivations a PFX is read and written with, through
 * node-forge's public API as the product calls it (a digest object, so forge's own code runs):
 * the PKCS#12 derivation (RFC 7292 Appendix B) of every PFX's MAC and of 3DES and RC2 PFX files,
 * and PBKDF2 (RFC 8018) of AES ones. The vectors are data copied from their sources, cited with
 * each group; none is computed by the code under test.
 */

type Digest = "sha1" | "sha256" | "sha512";

interface Pkcs12Vector {
  /** The password as RFC 7292 B.1 takes it: a string, made BMPString (UTF-16BE, two zero bytes) by the derivation. */
  password: string;
  saltHex: string;
  id: 1 | 2 | 3;
  iterations: number;
  digest: Digest;
  keyHex: string;
}

function pkcs12Key({ password, saltHex, id, iterations, digest, keyHex }: Pkcs12Vector): string {
  const salt = forge.util.createBuffer(forge.util.hexToBytes(saltHex));
  return forge.pkcs12.generateKey(password, salt, id, iterations, keyHex.length / 2, forge.md[digest].create()).toHex();
}

// OpenSSL, test/recipes/30-test_evp_data/evppbe_pkcs12.txt (commit 76fe62db7ee370fb76d983deec83b9a1f9dcf32d):
// passwords given there as BMPStrings, 0073006D006500670000 ("smeg") and 007100750065006500670000
// ("queeg"). They are the PKCS#12-era vectors of Dr Stephen Henson's test.txt, also those of
// Bouncy Castle's PKCS12Test.
const OPENSSL_SHA1: Pkcs12Vector[] = [
  { password: "smeg", saltHex: "0A58CF64530D823F", id: 1, iterations: 1, digest: "sha1", keyHex: "8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3" },
  { password: "smeg", saltHex: "0A58CF64530D823F", id: 2, iterations: 1, digest: "sha1", keyHex: "79993DFE048D3B76" },
  { password: "smeg", saltHex: "3D83C0E4546AC140", id: 3, iterations: 1, digest: "sha1", keyHex: "8D967D88F6CAA9D714800AB3D48051D63F73A312" },
  { password: "queeg", saltHex: "1682C0FC5B3F7EC5", id: 1, iterations: 1000, digest: "sha1", keyHex: "483DD6E919D7DE2E8E648BA8F862F3FBFBDC2BCB2C02957F" },
  { password: "queeg", saltHex: "1682C0FC5B3F7EC5", id: 2, iterations: 1000, digest: "sha1", keyHex: "9D461D1B00355C50" },
  { password: "queeg", saltHex: "263216FCC2FAB31C", id: 3, iterations: 1000, digest: "sha1", keyHex: "5EC4C7A80DF652294C3925B6489A7AB857C83476" },
];

// RustCrypto/formats, pkcs12/tests/kdf.rs (commit 02a8193151ae5205fb7a8b00414f857fb7173447): a
// password with a non-ASCII character, salt 01..08, SHA-256 and SHA-512.
const RUSTCRYPTO_SHA2: Pkcs12Vector[] = [
  { password: "ge@äheim", saltHex: "0102030405060708", id: 1, iterations: 100, digest: "sha256", keyHex: "fae4d4957a3cc781e1180b9d4fb79c1e0c8579b746a3177e5b0768a3118bf863" },
  { password: "ge@äheim", saltHex: "0102030405060708", id: 2, iterations: 100, digest: "sha256", keyHex: "e5ff813bc6547de5155b14d2fada85b3201a977349db6e26ccc998d9e8f83d6c" },
  { password: "ge@äheim", saltHex: "0102030405060708", id: 3, iterations: 100, digest: "sha256", keyHex: "136355ed9434516682534f46d63956db5ff06b844702c2c1f3b46321e2524a4d" },
  { password: "ge@äheim", saltHex: "0102030405060708", id: 3, iterations: 100, digest: "sha256", keyHex: "136355ed9434516682534f46" },
  { password: "ge@äheim", saltHex: "0102030405060708", id: 1, iterations: 1000, digest: "sha256", keyHex: "2b95a0569b63f641fae1efca32e84db3699ab74540628ba66283b58cf5400527" },
  { password: "ge@äheim", saltHex: "0102030405060708", id: 2, iterations: 1000, digest: "sha256", keyHex: "6472c0ebad3fab4123e8b5ed7834de21eeb20187b3eff78a7d1cdffa4034851d" },
  { password: "ge@äheim", saltHex: "0102030405060708", id: 3, iterations: 1000, digest: "sha256", keyHex: "3f9113f05c30a996c4a516409bdac9d065f44296ccd52bb75de3fcfdbe2bf130" },
  { password: "ge@äheim", saltHex: "0102030405060708", id: 1, iterations: 100, digest: "sha512", keyHex: "b14a9f01bfd9dce4c9d66d2fe9937e5fd9f1afa59e370a6fa4fc81c1cc8ec8ee" },
];

// CPAN Crypt-OpenSSL-PKCS-Func, t/base.t: OpenSSL's PKCS12_key_gen for the MAC key of an OpenSSL 3
// PFX (id 3, SHA-256, 2,048 iterations, its default); OpenSSL 3.0's `openssl kdf ... PKCS12KDF`
// gives the same bytes.
const OPENSSL_MAC_SHA256: Pkcs12Vector = { password: "123456", saltHex: "e241f01650dbeae4", id: 3, iterations: 2048, digest: "sha256", keyHex: "721259F14AAD70B58839F71566B433DA1B8AD08F650F4D02FAAA0B9B095BB51D" };

interface Pbkdf2Vector {
  password: string;
  salt: string;
  iterations: number;
  digest: Digest;
  keyHex: string;
}

// OpenSSL, test/recipes/30-test_evp_data/evpkdf.txt (commit 0f84cbc3e2025424772b2424be4b6fd728e7df2f),
// "PBKDF2 tests" (the SHA-1 ones are RFC 6070's).
const OPENSSL_PBKDF2: Pbkdf2Vector[] = [
  { password: "password", salt: "salt", iterations: 1, digest: "sha1", keyHex: "0c60c80f961f0e71f3a9b524af6012062fe037a6" },
  { password: "password", salt: "salt", iterations: 2, digest: "sha256", keyHex: "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43" },
  { password: "password", salt: "salt", iterations: 4096, digest: "sha1", keyHex: "4b007901b765489abead49d926f721d065a429c1" },
  { password: "password", salt: "salt", iterations: 4096, digest: "sha256", keyHex: "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a" },
  { password: "passwordPASSWORDpassword", salt: "saltSALTsaltSALTsaltSALTsaltSALTsalt", iterations: 4096, digest: "sha1", keyHex: "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038" },
  { password: "passwordPASSWORDpassword", salt: "saltSALTsaltSALTsaltSALTsaltSALTsalt", iterations: 4096, digest: "sha256", keyHex: "348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9" },
];

function label(vector: Pkcs12Vector): string {
  return `${vector.digest}, password ${JSON.stringify(vector.password)}, salt ${vector.saltHex}, id ${vector.id}, ${vector.iterations} iterations, ${vector.keyHex.length / 2} bytes`;
}

describe("key derivation known answers (node-forge, as PFX files are read and written)", () => {
  describe("the PKCS#12 derivation, forge.pkcs12.generateKey", () => {
    it("gives OpenSSL's SHA-1 vectors: the key and IV of a 3DES or RC2 PFX and its MAC key, over one and several blocks", () => {
      for (const vector of OPENSSL_SHA1) expect(pkcs12Key(vector).toUpperCase(), label(vector)).to.equal(vector.keyHex);
    });

    it("gives RustCrypto's SHA-256 and SHA-512 vectors, with a password beyond ASCII", () => {
      for (const vector of RUSTCRYPTO_SHA2) expect(pkcs12Key(vector), label(vector)).to.equal(vector.keyHex);
    });

    it("gives OpenSSL's key for an OpenSSL 3 MAC (SHA-256, 2,048 iterations)", () => {
      expect(pkcs12Key(OPENSSL_MAC_SHA256).toUpperCase()).to.equal(OPENSSL_MAC_SHA256.keyHex);
    });
  });

  describe("PBKDF2, forge.pkcs5.pbkdf2 with a digest object (PBES2, what AES PFX files use)", () => {
    it("gives OpenSSL's vectors for SHA-1 and SHA-256", () => {
      for (const { password, salt, iterations, digest, keyHex } of OPENSSL_PBKDF2) {
        const derived = forge.pkcs5.pbkdf2(password, salt, iterations, keyHex.length / 2, forge.md[digest].create());
        expect(forge.util.bytesToHex(derived), `${digest}, ${JSON.stringify(password)}, ${iterations} iterations`).to.equal(keyHex);
      }
    });
  });
});
