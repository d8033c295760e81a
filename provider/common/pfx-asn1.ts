import type * as Forge from "node-forge";
import { messageOf } from "./errors";
import { forge } from "./lazy-forge";

export type Asn1 = Forge.asn1.Asn1;

/** Why a PFX is refused before any derivation: what is wrong, as a phrase the caller completes. */
export interface Refusal {
  kind: "malformed" | "unsupported" | "limit";
  detail: string;
}

/** A refusal thrown from deep in a PFX's structure, caught where the walk began. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.detail);
  }
}

export function malformed(detail: string): Refused {
  return new Refused({ kind: "malformed", detail });
}

export function unsupported(detail: string): Refused {
  return new Refused({ kind: "unsupported", detail });
}

/** Counts written with more significant bytes than this are reported as "more than 2^64". */
const MAX_COUNT_BYTES = 8;
export const COUNT_TOO_LONG = 2n ** 64n;

export function isSequence(node: Asn1): node is Asn1 & { value: Asn1[] } {
  const { asn1 } = forge();
  return node.tagClass === asn1.Class.UNIVERSAL && node.type === asn1.Type.SEQUENCE && Array.isArray(node.value);
}

export function sequence(node: Asn1, what: string, atLeast: number): Asn1[] {
  if (!isSequence(node)) throw malformed(`${what} is not a SEQUENCE`);
  if (node.value.length < atLeast) throw malformed(`${what} has ${node.value.length} elements, fewer than ${atLeast}`);
  return node.value;
}

/** The one element of a context-specific [0] EXPLICIT wrapper. */
export function explicit(node: Asn1, what: string): Asn1 {
  const { asn1 } = forge();
  if (node.tagClass !== asn1.Class.CONTEXT_SPECIFIC || node.type !== 0 || !Array.isArray(node.value) || node.value.length !== 1) {
    throw malformed(`${what} does not hold its content in a [0] tag`);
  }
  return node.value[0]!;
}

export function oid(node: Asn1, what: string): string {
  const { asn1 } = forge();
  if (node.tagClass !== asn1.Class.UNIVERSAL || node.type !== asn1.Type.OID || typeof node.value !== "string") throw malformed(`${what} is not an OBJECT IDENTIFIER`);
  return asn1.derToOid(node.value);
}

export function isInteger(node: Asn1): boolean {
  const { asn1 } = forge();
  return node.tagClass === asn1.Class.UNIVERSAL && node.type === asn1.Type.INTEGER;
}

/** An INTEGER's value; a count of more than MAX_COUNT_BYTES significant bytes is COUNT_TOO_LONG. */
export function integer(node: Asn1, what: string): bigint {
  if (!isInteger(node) || typeof node.value !== "string" || node.value.length === 0) throw malformed(`${what} is not an INTEGER`);
  const bytes = Buffer.from(node.value, "binary");
  if (bytes[0]! & 0x80) return -1n;
  const first = bytes.findIndex((byte) => byte !== 0);
  if (first < 0) return 0n;
  const significant = bytes.subarray(first);
  return significant.length > MAX_COUNT_BYTES ? COUNT_TOO_LONG : BigInt(`0x${significant.toString("hex")}`);
}

/** An OCTET STRING, primitive or (BER) made of primitive chunks, as node-forge and OpenSSL both read it. */
export function octets(node: Asn1, what: string): string {
  const { asn1 } = forge();
  if (node.tagClass !== asn1.Class.UNIVERSAL || node.type !== asn1.Type.OCTETSTRING) throw malformed(`${what} is not an OCTET STRING`);
  return chunks(node, what);
}

/** The [0] IMPLICIT OCTET STRING of an EncryptedData's content. */
export function implicitOctets(node: Asn1, what: string): string {
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

export function parse(bytes: string, what: string): Asn1 {
  try {
    return forge().asn1.fromDer(bytes, false);
  } catch (error) {
    throw malformed(`${what} is not valid DER (${messageOf(error)})`);
  }
}

export function required(node: Asn1 | undefined, what: string): Asn1 {
  if (node === undefined) throw malformed(`${what} are missing`);
  return node;
}

export function algorithmOf(node: Asn1, what: string): { algorithmOid: string; parameters: Asn1 | undefined } {
  const [algorithm, parameters] = sequence(node, what, 1);
  return { algorithmOid: oid(algorithm!, what), parameters };
}
