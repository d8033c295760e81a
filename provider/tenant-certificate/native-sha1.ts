import * as crypto from "node:crypto";
import * as forge from "node-forge";

// forge keeps bytes in "binary" (latin1) strings. crypto.hash, one-shot and the fastest, came in
// Node 20.12; earlier Node 20 releases take the createHash path.
function sha1Binary(data: string): string {
  const bytes = Buffer.from(data, "binary");
  return typeof crypto.hash === "function" ? crypto.hash("sha1", bytes, "binary") : crypto.createHash("sha1").update(bytes).digest("binary");
}

/**
 * A forge message digest whose SHA-1 is Node's OpenSSL. Writing or reading a 3DES PKCS#12 hashes
 * 10,240 times (forge's PKCS#12 key derivation: 2,048 rounds per 20-byte block of the 3DES key,
 * its IV and the MAC key), and forge's JavaScript SHA-1 made a PFX take 27 ms to write; with this
 * it takes 7 ms (measured: 20 PFX files of a 2048-bit key, built in a loop). The PKCS#12 is still
 * forge's: only the hash function is swapped.
 */
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
      return forge.util.createBuffer(sha1Binary(pending));
    },
  };
  return digest as forge.md.MessageDigest;
}

/**
 * Runs `build` with forge's SHA-1 answered by Node's. forge's PKCS#12 writer takes no digest
 * option, so its factory is swapped for the duration; `build` is synchronous, so nothing else
 * runs in between, and the original is always put back.
 */
export function withNativeSha1<T>(build: () => T): T {
  const sha1 = forge.md.sha1 as { create: () => forge.md.MessageDigest };
  const original = sha1.create;
  sha1.create = createNativeSha1;
  try {
    return build();
  } finally {
    sha1.create = original;
  }
}
