import * as forge from "node-forge";

/**
 * What test PFX files are made of, with forge's public API only: reading and writing their DER,
 * their AuthenticatedSafe, a SafeContents encrypted with a password, and the MAC sealed again
 * after an edit. Used by hostile-pfx.ts (one field made hostile) and costly-pfx.ts (every count
 * real).
 */

export type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: "1.2.840.113549.1.7.1",
  encryptedData: "1.2.840.113549.1.7.6",
  shroudedKeyBag: "1.2.840.113549.1.12.10.1.2",
  pbes2: "1.2.840.113549.1.5.13",
  tripleDes: "1.2.840.113549.1.12.1.3",
  rc2With40BitKey: "1.2.840.113549.1.12.1.6",
};

/**
 * How a SafeContents is encrypted: PKCS#12 PBE with 3DES or with RC2 of a 40-bit key (SHA-1; the
 * key and the IV derived apart), or PBES2 with AES-256 and PBKDF2 over HMAC-SHA-512, the
 * costliest iteration node-forge runs.
 */
export interface Protection {
  algorithm: "3des" | "rc2-40" | "aes256-sha512";
  count: number;
}

/** The PFX's AuthenticatedSafe, parsed, and how to write it back after editing. */
export function authenticatedSafe(pfx: Asn1): { parsed: Asn1; store(): void } {
  const holder = children(children(children(pfx)[1]!)[1]!)[0]!;
  const parsed = forge.asn1.fromDer(octetsOf(holder), false);
  return { parsed, store: () => setOctets(holder, forge.asn1.toDer(parsed).getBytes()) };
}

/**
 * Computes the MAC again over the edited contents, with the MAC's own salt and digest, and with
 * `count` iterations when given (else its own). `password` null: sealed with no password at all,
 * which the PKCS#12 derivation tells from an empty one.
 */
export function sealed(pfx: Asn1, password: string | null, count?: number): Buffer {
  const macData = children(pfx)[2]!;
  const [digestInfo, salt, iterations] = children(macData);
  if (count !== undefined) children(macData)[2] = integer(count);
  const digestOid = oidOf(children(children(digestInfo!)[0]!)[0]!);
  const digest = digestOid === forge.pki.oids.sha256 ? forge.md.sha256 : forge.md.sha1;
  const rounds = count ?? (iterations === undefined ? 1 : forge.asn1.derToInteger(iterations.value as string));
  const content = octetsOf(children(children(children(pfx)[1]!)[1]!)[0]!);
  const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt!.value as string), 3, rounds, digest.create().digestLength, digest.create());
  const hmac = forge.hmac.create();
  hmac.start(digest.create(), key);
  hmac.update(content);
  children(digestInfo!)[1]!.value = hmac.digest().getBytes();
  return der(pfx);
}

/** A ContentInfo of password-encrypted data holding `safeContents` (DER), derived for real with `protection`'s count. */
export function encryptedData(safeContents: string, password: string | null, protection: Protection): Asn1 {
  const { asn1 } = forge;
  const { algorithm, encrypted } = protection.algorithm === "aes256-sha512" ? pbes2(safeContents, password, protection.count) : pkcs12Pbe(safeContents, password, protection);
  const content = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    integer(0),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID.data).getBytes()),
      algorithm,
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, encrypted),
    ]),
  ]);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID.encryptedData).getBytes()),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [content]),
  ]);
}

function pkcs12Pbe(safeContents: string, password: string | null, { algorithm: name, count }: Protection): { algorithm: Asn1; encrypted: string } {
  const { asn1 } = forge;
  const salt = forge.random.getBytesSync(8);
  const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 1, count, name === "3des" ? 24 : 5);
  const iv = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 2, count, 8);
  let encrypted: string;
  if (name === "3des") {
    const cipher = forge.cipher.createCipher("3DES-CBC", key);
    cipher.start({ iv });
    cipher.update(forge.util.createBuffer(safeContents));
    cipher.finish();
    encrypted = cipher.output.getBytes();
  } else {
    const cipher = forge.rc2.createEncryptionCipher(key, 40);
    cipher.start(iv);
    cipher.update(forge.util.createBuffer(safeContents));
    cipher.finish();
    encrypted = cipher.output.getBytes();
  }
  const algorithm = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(name === "3des" ? OID.tripleDes : OID.rc2With40BitKey).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, salt), integer(count)]),
  ]);
  return { algorithm, encrypted };
}

/** forge's PKCS#8 encryption takes any ASN.1 value: it yields the PBES2 AlgorithmIdentifier and the ciphertext of `safeContents`. */
function pbes2(safeContents: string, password: string | null, count: number): { algorithm: Asn1; encrypted: string } {
  const encryptedInfo = forge.pki.encryptPrivateKeyInfo(forge.asn1.fromDer(safeContents, false), password ?? "", { algorithm: "aes256", count, prfAlgorithm: "sha512" });
  const [algorithm, encrypted] = children(encryptedInfo);
  return { algorithm: algorithm!, encrypted: encrypted!.value as string };
}

export function integer(count: number | bigint): Asn1 {
  let hex = BigInt(count).toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.INTEGER, false, forge.util.hexToBytes(hex));
}

export function octetsOf(node: Asn1): string {
  return typeof node.value === "string" ? node.value : node.value.map((chunk) => chunk.value as string).join("");
}

export function setOctets(node: Asn1, bytes: string): void {
  node.constructed = false;
  node.composed = false;
  node.value = bytes;
}

export function oidOf(node: Asn1): string {
  return forge.asn1.derToOid(node.value as string);
}

export function children(node: Asn1): Asn1[] {
  if (!Array.isArray(node.value)) throw new Error("expected a constructed ASN.1 value");
  return node.value;
}

export function parse(pfx: Buffer): Asn1 {
  return forge.asn1.fromDer(pfx.toString("binary"));
}

export function der(asn1: Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}
