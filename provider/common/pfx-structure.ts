import type * as Forge from "node-forge";
import { messageOf } from "./errors";
import { forge } from "./lazy-forge";

type Asn1 = Forge.asn1.Asn1;

/** Where in a PFX a password derivation is asked for: its MAC, an encrypted SafeContents, a shrouded private key. */
export type DerivationPlace = "mac" | "contents" | "key";

/** One password derivation a PFX asks its reader for, as the PFX states it, before anything is derived. */
export interface Derivation {
  place: DerivationPlace;
  /** "PKCS#12 MAC", "PKCS#12 PBE", "PBES1" or "PBKDF2". */
  scheme: string;
  /** The iteration count as written: any size, zero or negative included. */
  count: bigint;
}

/** Why a PFX is refused before any derivation: what is wrong, as a phrase the caller completes. */
export interface Refusal {
  kind: "malformed" | "unsupported" | "limit";
  detail: string;
}

/** Asked before each derivation, in the order a reader makes them; a refusal stops the walk there. */
export type Admit = (derivation: Derivation) => Refusal | undefined;

const OID = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  safeContentsBag: "1.2.840.113549.1.12.10.1.6",
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  pbmac1: "1.2.840.113549.1.5.14",
};
/** pbeWithSHAAnd128BitRC4 ... pbewithSHAAnd40BitRC2-CBC (RFC 7292 Appendix C): PKCS12PbeParams. */
const PKCS12_PBE = /^1\.2\.840\.113549\.1\.12\.1\.[1-6]$/;
/** PBES1 of PKCS#5 (RFC 8018 Appendix A.3): PBEParameter, the same shape. */
const PBES1 = new Set(["1.2.840.113549.1.5.1", "1.2.840.113549.1.5.3", "1.2.840.113549.1.5.4", "1.2.840.113549.1.5.6", "1.2.840.113549.1.5.10", "1.2.840.113549.1.5.11"]);

/** Counts written with more significant bytes than this are reported as "more than 2^64". */
const MAX_COUNT_BYTES = 8;
export const COUNT_TOO_LONG = 2n ** 64n;

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.detail);
  }
}

/**
 * Walks a PFX (RFC 7292) as its readers will, without deriving anything it has not admitted:
 * its MAC, each SafeContents of its AuthenticatedSafe, each shrouded key. An encrypted
 * SafeContents is decrypted here (node-forge's own PBE, after `admit` has taken its count) so
 * that the keys inside are admitted before a reader derives them; one that no candidate password
 * decrypts cannot be decrypted by node-forge or OpenSSL either, which both check the MAC first and
 * stop there. What this walk cannot read (another shape, another algorithm, SafeContents nested in
 * a bag) is refused rather than left to a reader that might derive without a bound.
 */
export function walkPfx(pfx: Asn1, passwords: readonly (string | null)[], admit: Admit): Refusal | undefined {
  try {
    new PfxWalk(passwords, admit).pfx(pfx);
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    return { kind: "malformed", detail: `its structure could not be read (${messageOf(error)})` };
  }
}

class PfxWalk {
  constructor(
    private readonly passwords: readonly (string | null)[],
    private readonly admit: Admit,
  ) {}

  pfx(pfx: Asn1): void {
    const [version, authSafe, macData, ...rest] = sequence(pfx, "the PFX", 2);
    integer(version!, "the PFX's version");
    if (rest.length > 0) throw malformed("the PFX has more than a version, its contents and its MAC");
    if (macData !== undefined) this.mac(macData);
    const [contentType, content] = sequence(authSafe!, "the PFX's contents", 2);
    if (oid(contentType!, "the PFX's content type") !== OID.data) {
      throw unsupported("contents protected by a public key rather than a password");
    }
    const authenticatedSafe = parse(octets(explicit(content!, "the PFX's contents"), "the PFX's contents"), "its AuthenticatedSafe");
    for (const contentInfo of sequence(authenticatedSafe, "its AuthenticatedSafe", 0)) this.contentInfo(contentInfo);
  }

  private mac(macData: Asn1): void {
    const [digestInfo, , iterations] = sequence(macData, "the PFX's MAC", 2);
    const [algorithm] = sequence(digestInfo!, "the PFX's MAC", 2);
    const [macAlgorithm] = sequence(algorithm!, "the PFX's MAC algorithm", 1);
    if (oid(macAlgorithm!, "the PFX's MAC algorithm") === OID.pbmac1) throw unsupported("a PBMAC1 MAC (RFC 9579)");
    // RFC 7292: iterations INTEGER DEFAULT 1.
    this.derive({ place: "mac", scheme: "PKCS#12 MAC", count: iterations === undefined ? 1n : integer(iterations, "the MAC's iteration count") });
  }

  private contentInfo(contentInfo: Asn1): void {
    const [contentType, content] = sequence(contentInfo, "a ContentInfo of its AuthenticatedSafe", 2);
    const type = oid(contentType!, "a ContentInfo's content type");
    if (type === OID.data) this.safeContents(parse(octets(explicit(content!, "a ContentInfo"), "a ContentInfo"), "a SafeContents"));
    else if (type === OID.encryptedData) this.encryptedData(explicit(content!, "a ContentInfo"));
    else throw unsupported(`contents of type ${type}, neither data nor password-encrypted data`);
  }

  private encryptedData(encryptedData: Asn1): void {
    const [, encryptedContentInfo] = sequence(encryptedData, "an EncryptedData", 2);
    const [, algorithm, encryptedContent] = sequence(encryptedContentInfo!, "an EncryptedData's content", 2);
    const { algorithmOid, parameters } = algorithmOf(algorithm!, "an EncryptedData's algorithm");
    const derivation = derivationOf(algorithmOid, parameters, "contents");
    this.derive(derivation);
    if (encryptedContent === undefined) return;
    const encrypted = implicitOctets(encryptedContent, "an EncryptedData's content");
    // Boundary: forge.pki.pbe is not in @types/node-forge; getCipher is its public PBE entry point.
    const { pbe } = forge().pki as unknown as { pbe: { getCipher(oid: string, params: Asn1 | undefined, password: string | null): PbeCipher } };
    for (const password of candidatesFor(derivation.scheme, this.passwords)) {
      let cipher: PbeCipher;
      try {
        cipher = pbe.getCipher(algorithmOid, parameters, password);
      } catch (error) {
        throw unsupported(`encrypted contents (${algorithmOid}): ${messageOf(error)}`);
      }
      cipher.update(forge().util.createBuffer(encrypted));
      if (!cipher.finish()) continue;
      let inner: Asn1;
      try {
        inner = forge().asn1.fromDer(cipher.output.getBytes(), false);
      } catch {
        continue;
      }
      // What another password decrypted to, by chance; a reader would refuse it too, before any bag.
      if (!isSequence(inner)) continue;
      this.safeContents(inner);
    }
  }

  private safeContents(safeContents: Asn1): void {
    for (const bag of sequence(safeContents, "a SafeContents", 0)) {
      const [bagId, bagValue] = sequence(bag, "a SafeBag", 2);
      const type = oid(bagId!, "a SafeBag's type");
      if (type === OID.safeContentsBag) throw unsupported("SafeContents nested in a bag");
      if (type !== OID.shroudedKeyBag) continue;
      const [algorithm] = sequence(explicit(bagValue!, "a shrouded key bag"), "a shrouded key", 2);
      const { algorithmOid, parameters } = algorithmOf(algorithm!, "a shrouded key's algorithm");
      this.derive(derivationOf(algorithmOid, parameters, "key"));
    }
  }

  private derive(derivation: Derivation): void {
    const refusal = this.admit(derivation);
    if (refusal) throw new Refused(refusal);
  }
}

interface PbeCipher {
  update(input: Forge.util.ByteStringBuffer): void;
  finish(): boolean;
  output: Forge.util.ByteStringBuffer;
}

/**
 * The passwords a reader may derive with: node-forge takes the password's characters as bytes
 * for PBKDF2 where OpenSSL takes their UTF-8, and OpenSSL tries no password at all when given an
 * empty one (PKCS12_parse), which the PKCS#12 derivation tells apart from an empty one.
 */
function candidatesFor(scheme: string, passwords: readonly (string | null)[]): (string | null)[] {
  const candidates = new Set<string | null>();
  for (const password of passwords) {
    candidates.add(password);
    if (password === null) continue;
    if (scheme === "PBKDF2" && /[^\x00-\x7f]/.test(password)) candidates.add(forge().util.encodeUtf8(password));
    if (scheme === "PKCS#12 PBE" && password === "") candidates.add(null);
  }
  if (scheme === "PBKDF2") candidates.delete(null);
  return [...candidates];
}

function derivationOf(algorithmOid: string, parameters: Asn1 | undefined, place: DerivationPlace): Derivation {
  if (PKCS12_PBE.test(algorithmOid) || PBES1.has(algorithmOid)) {
    const [, iterations] = sequence(required(parameters, "a PBE algorithm's parameters"), "a PBE algorithm's parameters", 2);
    return { place, scheme: PBES1.has(algorithmOid) ? "PBES1" : "PKCS#12 PBE", count: integer(iterations!, "a PBE iteration count") };
  }
  if (algorithmOid === OID.pbes2) {
    const [kdf] = sequence(required(parameters, "PBES2's parameters"), "PBES2's parameters", 2);
    const { algorithmOid: kdfOid, parameters: kdfParameters } = algorithmOf(kdf!, "PBES2's key derivation");
    if (kdfOid !== OID.pbkdf2) throw unsupported(`PBES2 with the key derivation ${kdfOid} (only PBKDF2 is read)`);
    const [, iterations] = sequence(required(kdfParameters, "PBKDF2's parameters"), "PBKDF2's parameters", 2);
    return { place, scheme: "PBKDF2", count: integer(iterations!, "a PBKDF2 iteration count") };
  }
  throw unsupported(`the encryption algorithm ${algorithmOid}`);
}

function algorithmOf(node: Asn1, what: string): { algorithmOid: string; parameters: Asn1 | undefined } {
  const [algorithm, parameters] = sequence(node, what, 1);
  return { algorithmOid: oid(algorithm!, what), parameters };
}

function isSequence(node: Asn1): node is Asn1 & { value: Asn1[] } {
  const { asn1 } = forge();
  return node.tagClass === asn1.Class.UNIVERSAL && node.type === asn1.Type.SEQUENCE && Array.isArray(node.value);
}

function sequence(node: Asn1, what: string, atLeast: number): Asn1[] {
  if (!isSequence(node)) throw malformed(`${what} is not a SEQUENCE`);
  if (node.value.length < atLeast) throw malformed(`${what} has ${node.value.length} elements, fewer than ${atLeast}`);
  return node.value;
}

/** The one element of a context-specific [0] EXPLICIT wrapper. */
function explicit(node: Asn1, what: string): Asn1 {
  const { asn1 } = forge();
  if (node.tagClass !== asn1.Class.CONTEXT_SPECIFIC || node.type !== 0 || !Array.isArray(node.value) || node.value.length !== 1) {
    throw malformed(`${what} does not hold its content in a [0] tag`);
  }
  return node.value[0]!;
}

function oid(node: Asn1, what: string): string {
  const { asn1 } = forge();
  if (node.tagClass !== asn1.Class.UNIVERSAL || node.type !== asn1.Type.OID || typeof node.value !== "string") throw malformed(`${what} is not an OBJECT IDENTIFIER`);
  return asn1.derToOid(node.value);
}

/** An INTEGER's value; a count of more than MAX_COUNT_BYTES significant bytes is COUNT_TOO_LONG. */
function integer(node: Asn1, what: string): bigint {
  const { asn1 } = forge();
  if (node.tagClass !== asn1.Class.UNIVERSAL || node.type !== asn1.Type.INTEGER || typeof node.value !== "string" || node.value.length === 0) {
    throw malformed(`${what} is not an INTEGER`);
  }
  const bytes = Buffer.from(node.value, "binary");
  if (bytes[0]! & 0x80) return -1n;
  const first = bytes.findIndex((byte) => byte !== 0);
  if (first < 0) return 0n;
  const significant = bytes.subarray(first);
  return significant.length > MAX_COUNT_BYTES ? COUNT_TOO_LONG : BigInt(`0x${significant.toString("hex")}`);
}

/** An OCTET STRING, primitive or (BER) made of primitive chunks, as node-forge and OpenSSL both read it. */
function octets(node: Asn1, what: string): string {
  const { asn1 } = forge();
  if (node.tagClass !== asn1.Class.UNIVERSAL || node.type !== asn1.Type.OCTETSTRING) throw malformed(`${what} is not an OCTET STRING`);
  return chunks(node, what);
}

/** The [0] IMPLICIT OCTET STRING of an EncryptedData's content. */
function implicitOctets(node: Asn1, what: string): string {
  if (node.tagClass !== forge().asn1.Class.CONTEXT_SPECIFIC || node.type !== 0) throw malformed(`${what} is not tagged [0]`);
  return chunks(node, what);
}

function chunks(node: Asn1, what: string): string {
  if (typeof node.value === "string") return node.value;
  return node.value
    .map((chunk) => {
      if (typeof chunk.value !== "string") throw malformed(`${what} has an OCTET STRING chunk that is not primitive`);
      return chunk.value;
    })
    .join("");
}

function parse(bytes: string, what: string): Asn1 {
  try {
    return forge().asn1.fromDer(bytes, false);
  } catch (error) {
    throw malformed(`${what} is not valid DER (${messageOf(error)})`);
  }
}

function required(node: Asn1 | undefined, what: string): Asn1 {
  if (node === undefined) throw malformed(`${what} are missing`);
  return node;
}

function malformed(detail: string): Refused {
  return new Refused({ kind: "malformed", detail });
}

function unsupported(detail: string): Refused {
  return new Refused({ kind: "unsupported", detail });
}
