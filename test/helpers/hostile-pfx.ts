import * as forge from "node-forge";
import { type Asn1, authenticatedSafe, children, der, encryptedData, integer, OID, octetsOf, oidOf, parse, sealed, setOctets } from "./pfx-der";

/**
 * Hostile PFX files made from real ones by editing their DER with forge.asn1: an iteration count
 * rewritten, the MAC sealed again with the password so that the file is whole and only the count
 * is hostile. Nothing here derives with the hostile count, so each file takes milliseconds.
 */

/** 2^31-1: the largest count a signed 32-bit field holds, hours of derivation for any reader. */
export const HOSTILE_COUNT = 2 ** 31 - 1;

/** The PFX with its MAC's iteration count set to `count` (the MAC itself left as it was: no reader should get that far). */
export function withMacIterations(pfx: Buffer, count: number | bigint): Buffer {
  const asn1 = parse(pfx);
  const macData = children(asn1)[2]!;
  const fields = children(macData);
  const iterations = integer(count);
  if (fields.length > 2) fields[2] = iterations;
  else fields.push(iterations);
  return der(asn1);
}

/**
 * The PFX with the iteration count of its shrouded key's encryption (PKCS#12 PBE, or PBKDF2 in
 * PBES2) set to `count`, and its MAC sealed again with `password`: without a bound, a reader
 * verifies the MAC and then derives the key's password with `count` iterations.
 */
export function withKeyIterations(pfx: Buffer, password: string | null, count: number | bigint): Buffer {
  const asn1 = parse(pfx);
  editPlainSafeContents(asn1, (bag) => setCount(children(children(children(bag)[1]!)[0]!)[0]!, count));
  return sealed(asn1, password);
}

/**
 * The PFX with the iteration count of each encrypted SafeContents set to `count` (what they hold
 * left encrypted as it was), and its MAC sealed again with `password`: without a bound, the check
 * and a reader derive `count` iterations for each before they find the contents unreadable.
 */
export function withContentsIterations(pfx: Buffer, password: string | null, count: number | bigint): Buffer {
  const asn1 = parse(pfx);
  const authSafe = authenticatedSafe(asn1);
  for (const contentInfo of children(authSafe.parsed)) {
    if (oidOf(children(contentInfo)[0]!) !== OID.encryptedData) continue;
    const encryptedContentInfo = children(children(children(contentInfo)[1]!)[0]!)[1]!;
    setCount(children(encryptedContentInfo)[1]!, count);
  }
  authSafe.store();
  return sealed(asn1, password);
}

/** The PFX with its shrouded key bag there `copies` times (its MAC sealed again): a derivation for each. */
export function withCopiesOfKey(pfx: Buffer, password: string, copies: number): Buffer {
  const asn1 = parse(pfx);
  const authSafe = authenticatedSafe(asn1);
  for (const contentInfo of children(authSafe.parsed)) {
    if (oidOf(children(contentInfo)[0]!) !== OID.data) continue;
    const holder = children(children(contentInfo)[1]!)[0]!;
    const safeContents = forge.asn1.fromDer(octetsOf(holder), false);
    const bags = children(safeContents);
    const key = bags.find((bag) => oidOf(children(bag)[0]!) === OID.shroudedKeyBag);
    if (key === undefined) continue;
    for (let copy = 1; copy < copies; copy++) bags.push(forge.asn1.fromDer(forge.asn1.toDer(key).getBytes()));
    setOctets(holder, forge.asn1.toDer(safeContents).getBytes());
  }
  authSafe.store();
  return sealed(asn1, password);
}

/**
 * The PFX with its plain SafeContents (those holding the key) moved into a password-encrypted
 * SafeContents (PKCS#12 PBE with 3DES, `outerCount` iterations), the key inside asking for
 * `keyCount`, sealed with `password` (null for none): the inner count can only be read after
 * decrypting.
 */
export function withKeyInsideEncryptedContents(pfx: Buffer, password: string | null, outerCount: number, keyCount: number | bigint): Buffer {
  const asn1 = parse(withKeyIterations(pfx, password, keyCount));
  const authSafe = authenticatedSafe(asn1);
  const contentInfos = children(authSafe.parsed);
  for (let index = 0; index < contentInfos.length; index++) {
    const contentInfo = contentInfos[index]!;
    if (oidOf(children(contentInfo)[0]!) !== OID.data) continue;
    const safeContents = octetsOf(children(children(contentInfo)[1]!)[0]!);
    if (!hasShroudedKey(forge.asn1.fromDer(safeContents, false))) continue;
    contentInfos[index] = encryptedData(safeContents, password, { algorithm: "3des", count: outerCount });
  }
  authSafe.store();
  return sealed(asn1, password);
}

/** `depth` SEQUENCEs, each inside the last: DER that nests deeper than any parser should follow. */
export function deeplyNested(depth: number): Buffer {
  const headers: Buffer[] = [];
  let length = 2;
  for (let level = 0; level < depth; level++) {
    const header = Buffer.concat([Buffer.from([0x30]), lengthOf(length)]);
    headers.push(header);
    length += header.length;
  }
  return Buffer.concat([...headers.reverse(), Buffer.from([0x05, 0x00])]);
}

/** Edits each shrouded key bag of the plain (unencrypted) SafeContents in place. */
function editPlainSafeContents(pfx: Asn1, edit: (bag: Asn1) => void): void {
  const authSafe = authenticatedSafe(pfx);
  for (const contentInfo of children(authSafe.parsed)) {
    if (oidOf(children(contentInfo)[0]!) !== OID.data) continue;
    const holder = children(children(contentInfo)[1]!)[0]!;
    const safeContents = forge.asn1.fromDer(octetsOf(holder), false);
    for (const bag of children(safeContents)) if (oidOf(children(bag)[0]!) === OID.shroudedKeyBag) edit(bag);
    setOctets(holder, forge.asn1.toDer(safeContents).getBytes());
  }
  authSafe.store();
}

/** Sets the count of a PBE AlgorithmIdentifier: PKCS12PbeParams (salt, iterations), or PBES2's (PBKDF2: salt, iterationCount). */
function setCount(algorithm: Asn1, count: number | bigint): void {
  const algorithmOid = oidOf(children(algorithm)[0]!);
  const parameters = children(algorithm)[1]!;
  const holder = algorithmOid === OID.pbes2 ? children(children(children(parameters)[0]!)[1]!) : children(parameters);
  holder[1] = integer(count);
}

function hasShroudedKey(safeContents: Asn1): boolean {
  return children(safeContents).some((bag) => oidOf(children(bag)[0]!) === OID.shroudedKeyBag);
}

function lengthOf(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
