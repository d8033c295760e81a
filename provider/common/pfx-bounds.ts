import type * as Forge from "node-forge";
import { messageOf } from "./errors";
import { forge } from "./lazy-forge";
import { type Admit, COUNT_TOO_LONG, type Derivation, type Refusal, walkPfx } from "./pfx-structure";

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
 * 2^31-1 holds a preview for hours. At 100,000, one derivation takes node-forge about 0.6 s and
 * OpenSSL about 0.02 s on a 2-core machine.
 */
export const MAX_KDF_ITERATIONS = 100_000;

/**
 * The most derivations a PFX may ask for: its MAC, each encrypted SafeContents, each shrouded
 * key. A key with its certificates, as OpenSSL, Windows and Java's keytool export it, asks for 3.
 */
export const MAX_PFX_DERIVATIONS = 8;

/**
 * The most iterations all of a PFX's derivations may ask for together: a PFX of Java's keytool
 * before Java 12 asks for 200,000 (its MAC 100,000, its certificates and its key 50,000 each).
 * This bounds a PFX's reading by node-forge to about 2 s and by OpenSSL to well under 0.1 s.
 */
export const MAX_PFX_ITERATIONS = 300_000;

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
 * 1 to MAX_KDF_ITERATIONS iterations each, at most MAX_PFX_DERIVATIONS of them and
 * MAX_PFX_ITERATIONS in all, the counts inside encrypted SafeContents included (pfx-structure.ts).
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
  const refusal = walkPfx(asn1, [password], admission());
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

function admission(): Admit {
  let derivations = 0;
  let iterations = 0n;
  return (derivation) => {
    if (derivation.count < 1n || derivation.count > BigInt(MAX_KDF_ITERATIONS)) return { kind: "limit", detail: countDetail(derivation) };
    derivations += 1;
    iterations += derivation.count;
    if (derivations > MAX_PFX_DERIVATIONS) {
      return {
        kind: "limit",
        detail: `asks for more than ${MAX_PFX_DERIVATIONS} key derivations (its MAC, each encrypted part and each private key); a PFX may ask for at most ${MAX_PFX_DERIVATIONS}, and a key with its certificates asks for 3: export the certificate with its own key and chain only.`,
      };
    }
    if (iterations > BigInt(MAX_PFX_ITERATIONS)) {
      return {
        kind: "limit",
        detail: `asks for more than ${formatted(BigInt(MAX_PFX_ITERATIONS))} iterations of key derivation in all; a PFX may ask for at most ${formatted(BigInt(MAX_PFX_ITERATIONS))}, and a key with its certificates asks for about 6,000 from OpenSSL or Windows and up to 200,000 from Java's keytool: export it again with its tool's default count.`,
      };
    }
    return undefined;
  };
}

const PLACES: Readonly<Record<Derivation["place"], string>> = {
  mac: "its integrity check (MAC)",
  contents: "its encrypted contents",
  key: "its private key",
};

function countDetail({ place, scheme, count }: Derivation): string {
  const asked = count < 0n ? "a negative number of iterations" : count >= COUNT_TOO_LONG ? "more than 2^64 iterations" : `${formatted(count)} iterations`;
  const where = place === "mac" ? PLACES.mac : `${PLACES[place]} (${scheme})`;
  return `asks for ${asked} of key derivation for ${where}; a PFX may ask for 1 to ${formatted(BigInt(MAX_KDF_ITERATIONS))} iterations in each derivation (OpenSSL writes 2,048, Windows 2,000, Java's keytool 10,000): export it again with its tool's default count.`;
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
  return `${subject} is ${exact ? "" : "about "}${formatted(BigInt(bytes))} bytes long once decoded; a PFX of at most ${formatted(BigInt(MAX_PFX_BYTES))} bytes (64 KiB) is accepted, and a certificate with its key and chain takes a few KB.`;
}

function refused(kind: PfxBoundsProblem["kind"], reason: string): PfxCheck {
  return { problem: { kind, reason } };
}

function formatted(count: bigint): string {
  return count.toLocaleString("en-US");
}
