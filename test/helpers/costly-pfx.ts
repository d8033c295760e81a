import * as forge from "node-forge";
import { authenticatedSafe, children, der, encryptedData, OID, octetsOf, oidOf, parse, type Protection, sealed } from "./pfx-der";

/**
 * PFX files whose every derivation is real, at the counts asked: what the bounds admit at their
 * limits, read to the end with the right password. Made from a PFX's own key and certificate;
 * making one derives at each count, up to a second or two for the costliest.
 */
export interface CostlyLayout {
  /** The MAC's iteration count (HMAC-SHA-1, as forge writes it). */
  macCount: number;
  /** How the private key is encrypted. */
  key: Protection;
  /** How the SafeContents holding the key is encrypted; plain when left out. */
  keyContents?: Protection;
  /** How the SafeContents holding the certificate is encrypted; plain when left out. */
  certificateContents?: Protection;
  /** Empty SafeContents added after the others, each encrypted as given: only their derivations cost. */
  emptyContents?: readonly Protection[];
}

type Pkcs12Options = NonNullable<Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]> & { prfAlgorithm?: "sha512" };

export function costlyPfx(pfx: Buffer, password: string, layout: CostlyLayout): Buffer {
  const { privateKey, certificate } = keyAndCertificate(pfx, password);
  const { algorithm, count } = layout.key;
  // forge's option type lacks prfAlgorithm, which its pbe.js reads for PBES2.
  const options: Pkcs12Options = algorithm === "3des" ? { algorithm: "3des", count } : { algorithm: "aes256", count, prfAlgorithm: "sha512" };
  const asn1 = forge.pkcs12.toPkcs12Asn1(privateKey, [certificate], password, { ...options, generateLocalKeyId: true });
  const authSafe = authenticatedSafe(asn1);
  const contentInfos = children(authSafe.parsed);
  for (let index = 0; index < contentInfos.length; index++) {
    const safeContents = octetsOf(children(children(contentInfos[index]!)[1]!)[0]!);
    const holdsKey = children(forge.asn1.fromDer(safeContents, false)).some((bag) => oidOf(children(bag)[0]!) === OID.shroudedKeyBag);
    const protection = holdsKey ? layout.keyContents : layout.certificateContents;
    if (protection) contentInfos[index] = encryptedData(safeContents, password, protection);
  }
  const empty = forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [])).getBytes();
  for (const protection of layout.emptyContents ?? []) contentInfos.push(encryptedData(empty, password, protection));
  authSafe.store();
  return sealed(parse(der(asn1)), password, layout.macCount);
}

function keyAndCertificate(pfx: Buffer, password: string): { privateKey: forge.pki.rsa.PrivateKey; certificate: forge.pki.Certificate } {
  const opened = forge.pkcs12.pkcs12FromAsn1(parse(pfx), false, password);
  const keyType = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const certificateType = forge.pki.oids.certBag!;
  const privateKey = opened.getBags({ bagType: keyType })[keyType]?.[0]?.key;
  const certificate = opened.getBags({ bagType: certificateType })[certificateType]?.[0]?.cert;
  if (!privateKey || !certificate) throw new Error("costlyPfx needs a PFX holding a shrouded key and its certificate");
  return { privateKey, certificate };
}

/**
 * The worst PFX the bounds admit (MAX_PFX_WORK, provider/common/pfx-bounds.ts), read with the
 * right password: its MAC over SHA-1 at 99,998, its key under 3DES at 33,334 (three chains: two
 * for the key, one for the IV) inside contents under 3DES at 50,000 (three chains, derived by the
 * check and again by the reading): 99,998 + 3 × 33,334 + 2 × 3 × 50,000 = 500,000. The PKCS#12
 * derivation over SHA-1 is what the bounds weigh closest to its cost, so the whole budget goes to it.
 */
export const AT_THE_LIMITS: CostlyLayout = {
  macCount: 99_998,
  key: { algorithm: "3des", count: 33_334 },
  keyContents: { algorithm: "3des", count: 50_000 },
};

/**
 * What Java's keytool wrote before Java 12 (and 8u301, 11.0.12): its MAC over SHA-1 at 100,000,
 * its certificates under RC2-40 and its key under 3DES at 50,000 each: 100,000 + 2 × 2 × 50,000 +
 * 3 × 50,000 = 450,000, the costliest PFX a tool writes by default.
 */
export const JAVA_KEYTOOL_BEFORE_12: CostlyLayout = {
  macCount: 100_000,
  key: { algorithm: "3des", count: 50_000 },
  certificateContents: { algorithm: "rc2-40", count: 50_000 },
};
