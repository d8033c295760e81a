import * as crypto from "node:crypto";
import * as forge from "node-forge";

// forge keeps bytes in "binary" (latin1) strings. crypto.hash, one-shot and the fastest, came in
// Node 20.12; earlier Node 20 releases take the createHash path.
function sha1Binary(data: string): string {
  const bytes = Buffer.from(data, "binary");
  return typeof crypto.hash === "function" ? crypto.hash("sha1", bytes, "binary") : crypto.createHash("sha1").update(bytes).digest("binary");
}

let nativeDigests = 0;

/** How many digests Node's SHA-1 has answered for forge in this process: proof the swap is in effect. */
export function nativeSha1DigestCount(): number {
  return nativeDigests;
}

/** A forge message digest whose SHA-1 is Node's OpenSSL. */
export function createNativeSha1(): forge.md.MessageDigest {
  let pending = "";
  const digest: Partial<forge.md.MessageDigest> & Record<string, unknown> = {
    algorithm: "sha1",
    blockLength: 64,
    digestLength: 20,
    messageLength: 0,
    fullMessageLength: null,
    messageLengthSize: 8,
    start() {
      pending = "";
      digest.messageLength = 0;
      return digest as forge.md.MessageDigest;
    },
    update(message: string, encoding?: "raw" | "utf8") {
      const bytes = encoding === "utf8" ? forge.util.encodeUtf8(message) : message;
      pending += bytes;
      digest.messageLength = (digest.messageLength as number) + bytes.length;
      return digest as forge.md.MessageDigest;
    },
    // Like forge's own digests, this does not reset: HMAC and the key derivation rely on that.
    digest() {
      nativeDigests++;
      return forge.util.createBuffer(sha1Binary(pending));
    },
  };
  return digest as forge.md.MessageDigest;
}

interface Sha1Factory {
  create: () => forge.md.MessageDigest;
}

const ABC_SHA1 = "a9993e364706816aba3e25717850c26c9cd0d89d";
let verifiedFactory: unknown;

/**
 * forge as this swap knows it: `forge.md.sha1` an object whose writable `create` makes a SHA-1
 * digest (checked on "abc"), which forge's PKCS#12 code looks up each time it hashes.
 */
function swappableSha1(): Sha1Factory | undefined {
  const sha1: unknown = forge.md.sha1;
  if (typeof sha1 !== "object" || sha1 === null) return undefined;
  const create = Object.getOwnPropertyDescriptor(sha1, "create");
  if (!create?.writable || typeof create.value !== "function") return undefined;
  if (create.value !== verifiedFactory) {
    try {
      // Boundary: whatever forge's factory makes now, typed as forge's digest only once it proves to be one.
      const probe = (create.value as () => forge.md.MessageDigest)();
      if (probe.digestLength !== 20 || probe.update("abc").digest().toHex() !== ABC_SHA1) return undefined;
    } catch {
      return undefined;
    }
    verifiedFactory = create.value;
  }
  return sha1 as Sha1Factory;
}

/**
 * Runs `build` with forge's SHA-1 answered by Node's. Writing or reading a 3DES PKCS#12 (the
 * default) hashes 10,240 times in forge's key derivation (2,048 rounds per 20-byte block of the
 * 3DES key, its IV and the MAC key), and forge's JavaScript SHA-1 was a third of that time.
 *
 * Measured with bench/pfx-sha1.ts (PFX files of one 2048-bit key, each written and read with
 * forge's SHA-1 and with Node's, interleaved; five runs, three of 20 files and two of 60, each
 * the median per PFX; Node 20.20, node-forge 1.4.3, shared 2-core machine): 3DES write
 * 22-37 ms -> 14-27 ms and 3DES read 18-31 ms -> 9-20 ms, about 10 ms saved on each PFX, which
 * is about 1 s of a 100-tenant up or of a preview of 100 imported PFX files. AES-256, whose key
 * comes from PBKDF2-HMAC-SHA256, gains 0-7 ms on a read and nothing measurable on a write.
 *
 * The provider calls it through withFastPkcs12 (pkcs12-kdf.ts), which hashes the derivation's
 * rounds itself: this swap still answers forge's other SHA-1 digests (the MAC's HMAC, PBKDF2 with
 * SHA-1 for a non-ASCII password) and the derivation wherever that module leaves forge's own.
 *
 * forge's PKCS#12 code takes no digest option, so its factory is swapped for the duration; `build`
 * is synchronous, so nothing else runs in between, and the original is always put back. When
 * forge no longer looks like what the swap was written for, `build` runs on plain forge.
 * test/unit/certificate/native-sha1.test.ts fails if forge stops asking the factory for digests.
 */
export function withNativeSha1<T>(build: () => T): T {
  const sha1 = swappableSha1();
  if (!sha1) return build();
  const original = sha1.create;
  sha1.create = createNativeSha1;
  try {
    return build();
  } finally {
    sha1.create = original;
  }
}
