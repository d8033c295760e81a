import * as crypto from "node:crypto";
import * as forge from "node-forge";
import { withNativeSha1 } from "./native-sha1";

/** The digests whose PKCS#12 derivation is made here: SHA-1 (3DES PFX files, most MACs) and SHA-256 (OpenSSL 3's MAC). */
const DIGESTS = { sha1: { bytes: 20, block: 64 }, sha256: { bytes: 32, block: 64 } } as const;
export type Pkcs12Digest = keyof typeof DIGESTS;

/**
 * The PKCS#12 key derivation (RFC 7292 Appendix B.2): what opens and seals a 3DES PFX and the MAC
 * of every PFX. Its cost is the 2,048 rounds of hashing the previous digest; each of Node's hash
 * calls costs more than the hashing of 20 bytes, so SHA-1's rounds are hashed here (sha1Rounds)
 * and only the first, over the long input, by Node.
 */
export function pkcs12Key(password: string | null | undefined, salt: Buffer, id: number, iterations: number, length: number, digest: Pkcs12Digest = "sha1"): Buffer {
  const { bytes, block } = DIGESTS[digest];
  // The password as big-endian UTF-16 with a trailing zero; none at all when there is none (B.1).
  const passwordBytes = Buffer.alloc(password == null ? 0 : password.length * 2 + 2);
  for (let i = 0; password != null && i < password.length; i++) passwordBytes.writeUInt16BE(password.charCodeAt(i), i * 2);
  const input = Buffer.concat([repeatedToBlocks(salt, block), repeatedToBlocks(passwordBytes, block)]);
  const diversifier = Buffer.alloc(block, id);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < length; produced += bytes) {
    const first = crypto.createHash(digest).update(diversifier).update(input).digest();
    const derived = digest === "sha1" ? sha1Rounds(first, iterations - 1) : nodeRounds(digest, first, iterations - 1);
    blocks.push(derived);
    if (produced + bytes < length) addToEachBlock(input, derived, block);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function nodeRounds(digest: Pkcs12Digest, first: Buffer, rounds: number): Buffer {
  let derived = first;
  for (let round = 0; round < rounds; round++) derived = crypto.createHash(digest).update(derived).digest();
  return derived;
}

/** Copies of `bytes` filling a whole number of blocks (B.2 steps 2 and 3); empty stays empty. */
function repeatedToBlocks(bytes: Buffer, block: number): Buffer {
  const filled = Buffer.alloc(block * Math.ceil(bytes.length / block));
  for (let i = 0; i < filled.length; i++) filled[i] = bytes[i % bytes.length]!;
  return filled;
}

/** B.2 step 6c: each block of `input` becomes (block + B + 1) mod 2^(8·block), B the digest repeated. */
function addToEachBlock(input: Buffer, digest: Buffer, block: number): void {
  for (let start = 0; start < input.length; start += block) {
    let carry = 1;
    for (let i = block - 1; i >= 0; i--) {
      carry += input[start + i]! + digest[i % digest.length]!;
      input[start + i] = carry & 0xff;
      carry >>>= 8;
    }
  }
}

const SHA1_BYTES = DIGESTS.sha1.bytes;

const schedule = new Int32Array(80);

/** SHA-1 (FIPS 180-4 §6.1) of a 20-byte digest, `rounds` times over: one padded block each time. */
export function sha1Rounds(digest: Buffer, rounds: number): Buffer {
  let h0 = digest.readInt32BE(0), h1 = digest.readInt32BE(4), h2 = digest.readInt32BE(8), h3 = digest.readInt32BE(12), h4 = digest.readInt32BE(16);
  const w = schedule;
  for (let round = 0; round < rounds; round++) {
    w[0] = h0; w[1] = h1; w[2] = h2; w[3] = h3; w[4] = h4;
    // The padding of a 160-bit message: a one bit, zeros, and the length in bits.
    w[5] = 0x80000000 | 0;
    w.fill(0, 6, 15);
    w[15] = SHA1_BYTES * 8;
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = 0x67452301, b = 0xefcdab89 | 0, c = 0x98badcfe | 0, d = 0x10325476, e = 0xc3d2e1f0 | 0;
    for (let t = 0; t < 80; t++) {
      let mixed: number;
      if (t < 20) mixed = ((b & c) | (~b & d)) + 0x5a827999;
      else if (t < 40) mixed = (b ^ c ^ d) + 0x6ed9eba1;
      else if (t < 60) mixed = ((b & c) | (b & d) | (c & d)) + (0x8f1bbcdc | 0);
      else mixed = (b ^ c ^ d) + (0xca62c1d6 | 0);
      const next = (((a << 5) | (a >>> 27)) + mixed + e + w[t]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = next;
    }
    h0 = (0x67452301 + a) | 0;
    h1 = ((0xefcdab89 | 0) + b) | 0;
    h2 = ((0x98badcfe | 0) + c) | 0;
    h3 = (0x10325476 + d) | 0;
    h4 = ((0xc3d2e1f0 | 0) + e) | 0;
  }
  const out = Buffer.alloc(SHA1_BYTES);
  [h0, h1, h2, h3, h4].forEach((word, i) => out.writeInt32BE(word, i * 4));
  return out;
}

type Pkcs12KeyFunction = (password: string | null | undefined, salt: forge.util.ByteBuffer, id: number, iterations: number, length: number, md?: forge.md.MessageDigest) => forge.util.ByteBuffer;
type Pbkdf2Function = (password: string, salt: string, iterations: number, length: number, md?: unknown, ...callback: unknown[]) => string;

const PBKDF2_DIGESTS = new Set(["sha1", "sha256", "sha384", "sha512"]);

let derivations = 0;

/** How many derivations this module made for forge in this process: proof the swaps are in effect. */
export function fastPkcs12Derivations(): number {
  return derivations;
}

function pkcs12Digest(md: forge.md.MessageDigest | undefined): Pkcs12Digest | undefined {
  if (md === undefined) return "sha1";
  return md.algorithm === "sha1" || md.algorithm === "sha256" ? md.algorithm : undefined;
}

function fastPkcs12Key(original: Pkcs12KeyFunction): Pkcs12KeyFunction {
  return (password, salt, id, iterations, length, md) => {
    const digest = pkcs12Digest(md);
    // Another digest or a count below 1: forge keeps them, its errors included.
    if (digest === undefined || !(iterations >= 1)) return original(password, salt, id, iterations, length, md);
    derivations++;
    return forge.util.createBuffer(pkcs12Key(password, Buffer.from(salt.bytes(), "binary"), id, iterations, length, digest).toString("binary"));
  };
}

/**
 * forge hands PBKDF2 (the key of an AES PFX's bags) to Node only when given the digest's name; the
 * PKCS#12 code gives a digest object, so it runs in JavaScript. Node's is used for the same digests,
 * with the password's bytes as forge's would be: Latin-1, taken only for ASCII passwords, where no
 * reading of the bytes can differ.
 */
function fastPbkdf2(original: Pbkdf2Function): Pbkdf2Function {
  return (password, salt, iterations, length, md, ...callback) => {
    const algorithm = typeof md === "object" && md !== null ? (md as { algorithm?: unknown }).algorithm : undefined;
    const native = callback.length === 0 && typeof algorithm === "string" && PBKDF2_DIGESTS.has(algorithm) && /^[\x00-\x7f]*$/.test(password) && iterations >= 1;
    if (!native) return original(password, salt, iterations, length, md, ...callback);
    derivations++;
    return crypto.pbkdf2Sync(Buffer.from(password, "latin1"), Buffer.from(salt, "binary"), iterations, length, algorithm).toString("binary");
  };
}

/** A forge function this module stands in for, found where forge looks it up. */
interface Swap {
  /** Writable, and giving what this module gives (checked once per function, on probes of 3 rounds). */
  replaceable(): boolean;
  /** Puts the faster function in; the returned function puts forge's back. */
  swapIn(): () => void;
}

const verified = new WeakSet<object>();

function swap<F extends (...args: never[]) => unknown>(holder: Record<string, unknown>, name: string, faster: (original: F) => F, probes: ReadonlyArray<(fn: F) => string>): Swap {
  return {
    replaceable() {
      const original = holder[name];
      if (typeof original !== "function" || !Object.getOwnPropertyDescriptor(holder, name)?.writable) return false;
      if (verified.has(original)) return true;
      const counted = derivations;
      try {
        const ours = faster(original as F);
        if (!probes.every((probe) => probe(original as F) === probe(ours))) return false;
      } catch {
        return false;
      } finally {
        // The probes are not derivations made for forge.
        derivations = counted;
      }
      verified.add(original);
      return true;
    },
    swapIn() {
      const original = holder[name] as F;
      holder[name] = faster(original);
      return () => {
        holder[name] = original;
      };
    },
  };
}

const PROBE_SALT = Buffer.from("0a1b2c3d4e5f6071", "hex").toString("binary");

const PKCS12_PROBES: ReadonlyArray<(fn: Pkcs12KeyFunction) => string> = [
  (fn) => fn("pässwörd", forge.util.createBuffer(PROBE_SALT), 1, 3, 24).getBytes(),
  (fn) => fn("pässwörd", forge.util.createBuffer(PROBE_SALT), 3, 3, 32, forge.md.sha256.create()).getBytes(),
];

function swaps(): Swap[] {
  // Boundary: forge.pbe is not in @types/node-forge; the holders are plain objects of functions.
  const pbe = (forge as unknown as { pbe?: Record<string, unknown> }).pbe;
  const pkcs12 = forge.pkcs12 as unknown as Record<string, unknown>;
  const pkcs5 = forge.pkcs5 as unknown as Record<string, unknown>;
  // The PBE ciphers look the PKCS#12 derivation up through `pbe`, the MAC through `pkcs12`.
  return [
    ...(pbe ? [swap(pbe, "generatePkcs12Key", fastPkcs12Key, PKCS12_PROBES)] : []),
    swap(pkcs12, "generateKey", fastPkcs12Key, PKCS12_PROBES),
    swap(pkcs5, "pbkdf2", fastPbkdf2, [(fn) => fn("probe-password", PROBE_SALT, 3, 32, forge.md.sha256.create())]),
  ];
}

/**
 * Runs `build` (forge writing or reading a PFX) with forge's SHA-1 answered by Node's, its PKCS#12
 * key derivation by pkcs12Key and its PBKDF2 by Node's. Measured with bench/pfx-sha1.ts (30 PFX
 * files of a 2048-bit key, each way interleaved, medians; Node 20.20, node-forge 1.4.3, 2 cores
 * with a bench running beside, load 2.2-2.8): a 3DES PFX, the provider's default, reads in 4.0 ms
 * instead of 8.5 with Node's SHA-1 alone (14.3 with forge's) and is written in 5.6 ms instead of
 * 10.6; an AES-256 one, what OpenSSL 3 exports, reads in 2.1 ms instead of 17.2 and is written in
 * 2.5 instead of 17.9. Like the SHA-1 swap, `build` is synchronous and the originals are always
 * put back; a function that no longer gives what this module gives is left as it is.
 */
export function withFastPkcs12<T>(build: () => T): T {
  return withNativeSha1(() => {
    const restores = swaps()
      .filter((candidate) => candidate.replaceable())
      .map((candidate) => candidate.swapIn());
    try {
      return build();
    } finally {
      for (const restore of restores) restore();
    }
  });
}
