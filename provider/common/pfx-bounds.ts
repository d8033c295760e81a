import type * as Forge from "node-forge";
import { messageOf } from "./errors";
import { forge } from "./lazy-forge";
import { COUNT_TOO_LONG, type Refusal } from "./pfx-asn1";
import type { Derivation } from "./pfx-derivations";
import { type Admit, walkPfx } from "./pfx-structure";

/**
 * The most bytes a PFX may have. One certificate with its key and a chain of a few CA
 * certificates takes 3 to 10 KB (the provider's own, of a 4096-bit key, 4.4 KB); 64 KiB leaves
 * room for long chains and still bounds what is parsed before anything else is checked.
 */
export const MAX_PFX_BYTES = 65_536;

/**
 * The most iterations one password derivation (the MAC's key, or the key of an encrypted part)
 * may ask for. What tools write: OpenSSL 2,048 (PKCS12_DEFAULT_ITER, for the MAC and the
 * encryption alike), Windows and .NET 2,000, Java's keytool 10,000 since Java 12 and, before,
 * 50,000 for its encryption and 100,000 for its MAC; VB365's own .NET refuses more than 300,000
 * (Pkcs12LoaderLimits). Nothing bounds the count in node-forge or in OpenSSL, which derive before
 * the MAC tells whether the password is right, so without a ceiling one PFX with a count of
 * 2^31-1 holds a preview for hours.
 */
export const MAX_KDF_ITERATIONS = 100_000;

/**
 * The most places a PFX may ask for a derivation: its MAC, each encrypted SafeContents, each
 * shrouded key. A key with its certificates, as OpenSSL, Windows and Java's keytool export it,
 * asks for 3.
 */
export const MAX_PFX_DERIVATIONS = 8;

/**
 * The most key derivation reading a PFX may take, in iterations of the PKCS#12 derivation over
 * SHA-1 (node-forge's cheapest), counting every derivation made, not each place once: the walk's
 * own decryption of each encrypted SafeContents, once per candidate password (pfx-structure.ts),
 * then node-forge's reading, which derives everything again; each derivation's count taken once
 * for each hash-sized block of its key and once more for its IV (PKCS#12 PBE with 3DES: three
 * chains) and weighed by what its hash and scheme cost node-forge (ITERATION_COST). With an empty
 * password the reading counts twice: OpenSSL (PKCS12_parse) and the emulator, for a client that
 * sends none, try an empty password and then none.
 *
 * What tools write needs: this provider 8,192 (3DES) or 14,336 (AES-256); OpenSSL and Windows
 * 16,000 to 40,000 (OpenSSL 3's AES-256 with HMAC-SHA-256 39,936); Java's keytool 195,000 since
 * Java 12 (AES-256 and its MAC over SHA-256, 10,000 each) and, before, 450,000 (its MAC 100,000
 * over SHA-1, its certificates under RC2-40 and its key under 3DES, 50,000 each): all are read.
 * The worst PFX this admits (its MAC 99,998 over SHA-1, its key under 3DES at 33,334 inside
 * contents under 3DES at 50,000, the right password: 500,000) is checked and read through
 * node-forge in 0.5 to 0.65 s on an idle 2-core machine and in 1 to 1.3 s while a full test run
 * loads it (bench/pfx-worst-read.ts, median of 5 reads); OpenSSL's reading (pfx-native.ts), which
 * may come first, adds well under a tenth of that, its derivations being native.
 */
export const MAX_PFX_WORK = 500_000;

/**
 * What one iteration costs node-forge, in iterations of the PKCS#12 derivation over SHA-1 (about
 * 1.2 µs of CPU): CPU time of 50,000 iterations, median of 7 (Node 20, node-forge 1.4.3), rounded
 * up. The PKCS#12 derivation, its MAC and PBES1 run one hash an iteration; PBKDF2 runs an HMAC,
 * four compressions; forge's SHA-384 and SHA-512 emulate 64-bit words, and its HMAC-SHA-224 runs
 * SHA-512/224. A hash not named costs as the costliest of its kind.
 */
const ITERATION_COST: Readonly<Record<"hash" | "hmac", Readonly<Record<string, number>>>> = {
  // Measured: MD5 1.05, SHA-256 1.37, SHA-384 3.77, SHA-512 4.44.
  hash: { MD5: 1.5, "SHA-1": 1, "SHA-224": 1.5, "SHA-256": 1.5, "SHA-384": 5, "SHA-512": 5, "SHA-512/224": 5, "SHA-512/256": 5 },
  // Measured: SHA-1 3.56, SHA-256 5.25, SHA-384 12.25, SHA-512 13.91, SHA-512/224 12.70.
  hmac: { "SHA-1": 4, "SHA-224": 15, "SHA-256": 6, "SHA-384": 15, "SHA-512": 15, "SHA-512/224": 15, "SHA-512/256": 15 },
};
const COSTLIEST = { hash: 5, hmac: 15 };

declare const checked: unique symbol;

/**
 * A PFX whose every derivation, with this password, is within the bounds above: the only input
 * the PFX readers (pfx.ts with node-forge, pfx-native.ts with OpenSSL) take.
 */
export interface CheckedPfx {
  readonly der: Buffer;
  readonly asn1: Forge.asn1.Asn1;
  readonly password: string;
  readonly [checked]: true;
}

/** Why a PFX is refused before it is read: a sentence naming `subject`, and its kind for callers that word it otherwise. */
export interface PfxBoundsProblem {
  kind: Refusal["kind"] | "size";
  reason: string;
}

export type PfxCheck = { pfx: CheckedPfx; problem?: undefined } | { pfx?: undefined; problem: PfxBoundsProblem };

/**
 * Parses a PFX (at most MAX_PFX_BYTES) and admits each derivation it asks for before any is made:
 * 1 to MAX_KDF_ITERATIONS iterations each, in at most MAX_PFX_DERIVATIONS places, and at most
 * MAX_PFX_WORK for all that the check and the reading derive, the counts inside encrypted
 * SafeContents included (pfx-structure.ts).
 * `subject` names the PFX in the messages: the resource's input ("importPfxBase64"), or "The PFX".
 */
export function checkPfx(der: Buffer, password: string, subject: string): PfxCheck {
  if (der.length > MAX_PFX_BYTES) return refused("size", sizeReason(subject, der.length, true));
  let asn1: Forge.asn1.Asn1;
  try {
    asn1 = forge().asn1.fromDer(der.toString("binary"));
  } catch (error) {
    return refused("malformed", `${subject} does not hold a PKCS#12 (PFX) file: its bytes are not valid DER (${messageOf(error)}).`);
  }
  const refusal = walkPfx(asn1, [password], admission(password));
  if (refusal) return refused(refusal.kind, reasonOf(subject, refusal));
  return { pfx: { der, asn1, password } as CheckedPfx };
}

/**
 * The size check of a base64 PFX before it is decoded: a text far beyond the bound (20 MB, say) is
 * refused from its length alone, without a pass over it.
 */
export function pfxBase64SizeProblem(pfxBase64: string, subject: string): PfxBoundsProblem | undefined {
  const exact = pfxBase64.length <= 4 * MAX_PFX_BYTES;
  const bytes = exact ? Buffer.byteLength(pfxBase64.replace(/\s+/g, ""), "base64") : Math.floor((pfxBase64.length * 3) / 4);
  return bytes > MAX_PFX_BYTES ? { kind: "size", reason: sizeReason(subject, bytes, exact) } : undefined;
}

function admission(password: string): Admit {
  // The reading makes each derivation once more after the walk; given an empty password, twice (MAX_PFX_WORK).
  const readings = password === "" ? 2 : 1;
  let places = 0;
  let work = 0;
  return (derivation) => {
    if (derivation.count < 1n || derivation.count > BigInt(MAX_KDF_ITERATIONS)) return { kind: "limit", detail: countDetail(derivation) };
    places += 1;
    work += Number(derivation.count) * derivation.chains * iterationCost(derivation) * (derivation.walkTries + readings);
    if (places > MAX_PFX_DERIVATIONS) {
      return {
        kind: "limit",
        detail: `asks for more than ${MAX_PFX_DERIVATIONS} key derivations (its MAC, each encrypted part and each private key); a PFX may ask for at most ${MAX_PFX_DERIVATIONS}, and a key with its certificates asks for 3: export the certificate with its own key and chain only.`,
      };
    }
    if (work > MAX_PFX_WORK) {
      return {
        kind: "limit",
        detail: `needs more than ${formatted(MAX_PFX_WORK)} iterations of key derivation to be read, the most a PFX may need (${formatted(Math.ceil(work))} counted so far, each count taken for each hash block of its key and IV and for each password tried, by the check and by the reading, and weighed by its hash's cost beside SHA-1's); a key with its certificates needs 8,000 to 40,000 from OpenSSL, Windows or this provider, 195,000 from Java's keytool and 450,000 from Java's keytool before Java 12: export it again with its tool's default count.`,
      };
    }
    return undefined;
  };
}

function iterationCost({ scheme, hash }: Derivation): number {
  const kind = scheme === "PBKDF2" ? "hmac" : "hash";
  return ITERATION_COST[kind][hash] ?? COSTLIEST[kind];
}

const PLACES: Readonly<Record<Derivation["place"], string>> = {
  mac: "its integrity check (MAC)",
  contents: "its encrypted contents",
  key: "its private key",
};

function countDetail({ place, scheme, count }: Derivation): string {
  const asked = count < 0n ? "a negative number of iterations" : count >= COUNT_TOO_LONG ? "more than 2^64 iterations" : `${formatted(count)} iterations`;
  const where = place === "mac" ? PLACES.mac : `${PLACES[place]} (${scheme})`;
  return `asks for ${asked} of key derivation for ${where}; a PFX may ask for 1 to ${formatted(MAX_KDF_ITERATIONS)} iterations in each derivation (OpenSSL writes 2,048, Windows 2,000, Java's keytool 10,000): export it again with its tool's default count.`;
}

function reasonOf(subject: string, refusal: Refusal): string {
  switch (refusal.kind) {
    case "limit":
      return `${subject} ${refusal.detail}`;
    case "unsupported":
      return `${subject} uses an algorithm this provider cannot read (${refusal.detail}); export it again with OpenSSL 3's defaults (AES-256) or with 3DES.`;
    case "malformed":
      return `${subject} does not hold a PKCS#12 (PFX) file: ${refusal.detail}.`;
  }
}

function sizeReason(subject: string, bytes: number, exact: boolean): string {
  return `${subject} is ${exact ? "" : "about "}${formatted(bytes)} bytes long once decoded; a PFX of at most ${formatted(MAX_PFX_BYTES)} bytes (64 KiB) is accepted, and a certificate with its key and chain takes a few KB.`;
}

function refused(kind: PfxBoundsProblem["kind"], reason: string): PfxCheck {
  return { problem: { kind, reason } };
}

function formatted(count: bigint | number): string {
  return count.toLocaleString("en-US");
}
