import * as forge from "node-forge";

/**
 * Hostile PFX files made from real ones by editing their DER with forge.asn1: an iteration count
 * rewritten, the MAC sealed again with the password so that the file is whole and only the count
 * is hostile. Nothing here derives with the hostile count, so each file takes milliseconds.
 */

type Asn1 = forge.asn1.Asn1;

const OID = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  pbes2: "1.2.840.113549.1.5.13",
  tripleDes: "1.2.840.113549.1.12.1.3",
};

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
  editPlainSafeContents(asn1, (bag) => {
    const algorithm = children(children(children(bag)[1]!)[0]!)[0]!;
    const algorithmOid = forge.asn1.derToOid(children(algorithm)[0]!.value as string);
    const parameters = children(algorithm)[1]!;
    // PKCS12PbeParams: salt, iterations; PBES2: keyDerivationFunc (PBKDF2: salt, iterationCount), encryptionScheme.
    const holder = algorithmOid === OID.pbes2 ? children(children(children(parameters)[0]!)[1]!) : children(parameters);
    holder[1] = integer(count);
  });
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
    contentInfos[index] = encryptedData(safeContents, password, outerCount);
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

function encryptedData(safeContents: string, password: string | null, count: number): Asn1 {
  const { asn1 } = forge;
  const salt = forge.random.getBytesSync(8);
  const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 1, count, 24);
  const iv = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 2, count, 8);
  const cipher = forge.cipher.createCipher("3DES-CBC", key);
  cipher.start({ iv });
  cipher.update(forge.util.createBuffer(safeContents));
  cipher.finish();
  const algorithm = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID.tripleDes).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, salt),
      integer(count),
    ]),
  ]);
  const content = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    integer(0),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID.data).getBytes()),
      algorithm,
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, cipher.output.getBytes()),
    ]),
  ]);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID.encryptedData).getBytes()),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [content]),
  ]);
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

function hasShroudedKey(safeContents: Asn1): boolean {
  return children(safeContents).some((bag) => oidOf(children(bag)[0]!) === OID.shroudedKeyBag);
}

/** The PFX's AuthenticatedSafe, parsed, and how to write it back after editing. */
function authenticatedSafe(pfx: Asn1): { parsed: Asn1; store(): void } {
  const holder = children(children(children(pfx)[1]!)[1]!)[0]!;
  const parsed = forge.asn1.fromDer(octetsOf(holder), false);
  return { parsed, store: () => setOctets(holder, forge.asn1.toDer(parsed).getBytes()) };
}

/** Computes the MAC again over the edited contents, with the MAC's own salt, count and digest. */
/** `password` null: sealed with no password at all, which the PKCS#12 derivation tells from an empty one. */
function sealed(pfx: Asn1, password: string | null): Buffer {
  const macData = children(pfx)[2]!;
  const [digestInfo, salt, iterations] = children(macData);
  const digestOid = oidOf(children(children(digestInfo!)[0]!)[0]!);
  const digest = digestOid === forge.pki.oids.sha256 ? forge.md.sha256 : forge.md.sha1;
  const count = iterations === undefined ? 1 : forge.asn1.derToInteger(iterations.value as string);
  const content = octetsOf(children(children(children(pfx)[1]!)[1]!)[0]!);
  const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt!.value as string), 3, count, digest.create().digestLength, digest.create());
  const hmac = forge.hmac.create();
  hmac.start(digest.create(), key);
  hmac.update(content);
  children(digestInfo!)[1]!.value = hmac.digest().getBytes();
  return der(pfx);
}

function integer(count: number | bigint): Asn1 {
  let hex = BigInt(count).toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, forge.util.hexToBytes(hex));
}

function octetsOf(node: Asn1): string {
  return typeof node.value === "string" ? node.value : node.value.map((chunk) => chunk.value as string).join("");
}

function setOctets(node: Asn1, bytes: string): void {
  node.constructed = false;
  node.composed = false;
  node.value = bytes;
}

function oidOf(node: Asn1): string {
  return forge.asn1.derToOid(node.value as string);
}

function children(node: Asn1): Asn1[] {
  if (!Array.isArray(node.value)) throw new Error("expected a constructed ASN.1 value");
  return node.value;
}

function parse(pfx: Buffer): Asn1 {
  return forge.asn1.fromDer(pfx.toString("binary"));
}

function der(asn1: Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

function lengthOf(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
