import * as crypto from "node:crypto";
import * as forge from "node-forge";
import { withNativeSha1 } from "./native-sha1";

const SHA1_BYTES = 20;
const SHA1_BLOCK = 64;

/**
 * The PKCS#12 key derivation with SHA-1 (RFC 7292 Appendix B.2): what opens and seals a 3DES PFX
 * and the MAC of every PFX. Its cost is the 2,048 rounds of hashing the previous 20-byte digest;
 * each of Node's hash calls costs more than the hashing it does, so the rounds are hashed here
 * (sha1Rounds) and only the first, over the long input, by Node.
 */
export function pkcs12Sha1Key(password: string | null | undefined, salt: Buffer, id: number, iterations: number, length: number): Buffer {
  // The password as big-endian UTF-16 with a trailing zero; none at all when there is none (B.1).
  const passwordBytes = Buffer.alloc(password == null ? 0 : password.length * 2 + 2);
  for (let i = 0; password != null && i < password.length; i++) passwordBytes.writeUInt16BE(password.charCodeAt(i), i * 2);
  const input = Buffer.concat([repeatedToBlocks(salt), repeatedToBlocks(passwordBytes)]);
  const diversifier = Buffer.alloc(SHA1_BLOCK, id);
  const blocks: Buffer[] = [];
  for (let produced = 0; produced < length; produced += SHA1_BYTES) {
    const digest = sha1Rounds(crypto.createHash("sha1").update(diversifier).update(input).digest(), iterations - 1);
    blocks.push(digest);
    if (produced + SHA1_BYTES < length) addToEachBlock(input, digest);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** Copies of `bytes` filling a whole number of 64-byte blocks (B.2 steps 2 and 3); empty stays empty. */
function repeatedToBlocks(bytes: Buffer): Buffer {
  const filled = Buffer.alloc(SHA1_BLOCK * Math.ceil(bytes.length / SHA1_BLOCK));
  for (let i = 0; i < filled.length; i++) filled[i] = bytes[i % bytes.length]!;
  return filled;
}

/** B.2 step 6c: each 64-byte block of `input` becomes (block + B + 1) mod 2^512, B the digest repeated. */
function addToEachBlock(input: Buffer, digest: Buffer): void {
  for (let start = 0; start < input.length; start += SHA1_BLOCK) {
    let carry = 1;
    for (let i = SHA1_BLOCK - 1; i >= 0; i--) {
      carry += input[start + i]! + digest[i % SHA1_BYTES]!;
      input[start + i] = carry & 0xff;
      carry >>>= 8;
    }
  }
}

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

/** Where forge looks the derivation up: the PBE ciphers through `pbe`, the MAC through `pkcs12`. */
interface KdfHolder {
  holder: Record<string, unknown>;
  name: string;
}

function kdfHolders(): KdfHolder[] {
  // Boundary: forge.pbe is not in @types/node-forge; both holders are plain objects of functions.
  const pbe = (forge as unknown as { pbe?: Record<string, unknown> }).pbe;
  const pkcs12 = forge.pkcs12 as unknown as Record<string, unknown>;
  return [
    ...(pbe ? [{ holder: pbe, name: "generatePkcs12Key" }] : []),
    { holder: pkcs12, name: "generateKey" },
  ];
}

let derivations = 0;

/** How many derivations this module made for forge in this process: proof the swap is in effect. */
export function fastPkcs12Derivations(): number {
  return derivations;
}

const verified = new WeakSet<object>();

/** forge's derivation, when it is one this module gives the same bytes as (checked once on a probe). */
function replaceable(original: unknown): original is Pkcs12KeyFunction {
  if (typeof original !== "function") return false;
  if (verified.has(original)) return true;
  try {
    const salt = Buffer.from("0a1b2c3d4e5f6071", "hex");
    const theirs = (original as Pkcs12KeyFunction)("pässwörd", forge.util.createBuffer(salt.toString("binary")), 1, 3, 24).getBytes();
    if (theirs !== pkcs12Sha1Key("pässwörd", salt, 1, 3, 24).toString("binary")) return false;
  } catch {
    return false;
  }
  verified.add(original);
  return true;
}

function fastened(original: Pkcs12KeyFunction): Pkcs12KeyFunction {
  return (password, salt, id, iterations, length, md) => {
    // Only SHA-1 (forge's default, and every 3DES PFX) and a sane count; forge keeps the rest, errors included.
    if ((md !== undefined && md.algorithm !== "sha1") || !(iterations >= 1)) return original(password, salt, id, iterations, length, md);
    derivations++;
    return forge.util.createBuffer(pkcs12Sha1Key(password, Buffer.from(salt.bytes(), "binary"), id, iterations, length).toString("binary"));
  };
}

/**
 * Runs `build` (forge writing or reading a PFX) with forge's SHA-1 answered by Node's and its
 * PKCS#12 key derivation by pkcs12Sha1Key. Measured with bench/pfx-sha1.ts (30 PFX files of a
 * 2048-bit key, each way interleaved, medians; Node 20.20, node-forge 1.4.3, 2 cores with a bench
 * running beside, load 2.4): a 3DES PFX, the provider's default, reads in 4.8 ms instead of 8.0
 * with Node's SHA-1 alone (13.0 with forge's) and is written in 6.1 ms instead of 9.3; AES-256,
 * whose bag keys come from PBKDF2, gains only on its MAC (16.9 -> 16.1 ms read). Like the SHA-1
 * swap, `build` is synchronous and the originals are always put back; a derivation that no
 * longer gives what this module gives is left as it is.
 */
export function withFastPkcs12<T>(build: () => T): T {
  return withNativeSha1(() => {
    const swapped = kdfHolders().filter(({ holder, name }) => Object.getOwnPropertyDescriptor(holder, name)?.writable && replaceable(holder[name]));
    const originals = swapped.map(({ holder, name }) => holder[name] as Pkcs12KeyFunction);
    swapped.forEach(({ holder, name }, i) => (holder[name] = fastened(originals[i]!)));
    try {
      return build();
    } finally {
      swapped.forEach(({ holder, name }, i) => (holder[name] = originals[i]));
    }
  });
}
