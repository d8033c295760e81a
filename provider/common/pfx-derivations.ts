import { type Asn1, algorithmOf, integer, isInteger, required, sequence, unsupported } from "./pfx-asn1";

/** Where in a PFX a password derivation is asked for: its MAC, an encrypted SafeContents, a shrouded private key. */
export type DerivationPlace = "mac" | "contents" | "key";

export type DerivationScheme = "PKCS#12 MAC" | "PKCS#12 PBE" | "PBES1" | "PBKDF2";

/** One password derivation a PFX asks its readers for, as the PFX states it, before anything is derived. */
export interface Derivation {
  place: DerivationPlace;
  scheme: DerivationScheme;
  /** The hash each iteration runs ("SHA-1", "SHA-256", ...), or the OID of one not named here. */
  hash: string;
  /**
   * The chains of `count` iterations one derivation runs: the PKCS#12 derivation and PBKDF2 run
   * one for each hash-sized block of the key, and PKCS#12 PBE one more for its IV (3DES under
   * SHA-1: two for its 24-byte key, one for its IV).
   */
  chains: number;
  /** The iteration count as written: any size, zero or negative included. */
  count: bigint;
  /** How many times the walk of pfx-structure.ts makes it itself, before any reader: once per candidate password for encrypted contents, never elsewhere. */
  walkTries: number;
}

const PBES2 = "1.2.840.113549.1.5.13";
const PBKDF2 = "1.2.840.113549.1.5.12";

/** pbeWithSHAAnd128BitRC4 ... pbewithSHAAnd40BitRC2-CBC (RFC 7292 Appendix C), all over SHA-1: the bytes of their key, and whether they derive an IV. */
const PKCS12_PBE: Readonly<Record<string, { keyBytes: number; iv: boolean }>> = {
  "1.2.840.113549.1.12.1.1": { keyBytes: 16, iv: false },
  "1.2.840.113549.1.12.1.2": { keyBytes: 5, iv: false },
  "1.2.840.113549.1.12.1.3": { keyBytes: 24, iv: true },
  "1.2.840.113549.1.12.1.4": { keyBytes: 16, iv: true },
  "1.2.840.113549.1.12.1.5": { keyBytes: 16, iv: true },
  "1.2.840.113549.1.12.1.6": { keyBytes: 5, iv: true },
};

/** PBES1 of PKCS#5 (RFC 8018 Appendix A.3), PBEParameter like PKCS#12 PBE's: PBKDF1 derives its key and IV in one hash chain. */
const PBES1: Readonly<Record<string, string>> = {
  "1.2.840.113549.1.5.1": "MD2",
  "1.2.840.113549.1.5.4": "MD2",
  "1.2.840.113549.1.5.3": "MD5",
  "1.2.840.113549.1.5.6": "MD5",
  "1.2.840.113549.1.5.10": "SHA-1",
  "1.2.840.113549.1.5.11": "SHA-1",
};

/** The digests of a PKCS#12 MAC (RFC 7292's DigestInfo), by OID. */
const DIGESTS: Readonly<Record<string, string>> = {
  "1.2.840.113549.2.2": "MD2",
  "1.2.840.113549.2.5": "MD5",
  "1.3.14.3.2.26": "SHA-1",
  "2.16.840.1.101.3.4.2.4": "SHA-224",
  "2.16.840.1.101.3.4.2.1": "SHA-256",
  "2.16.840.1.101.3.4.2.2": "SHA-384",
  "2.16.840.1.101.3.4.2.3": "SHA-512",
  "2.16.840.1.101.3.4.2.5": "SHA-512/224",
  "2.16.840.1.101.3.4.2.6": "SHA-512/256",
};

/** PBKDF2's pseudo-random functions (RFC 8018 Appendix B.1), by OID: HMAC over these hashes. */
const HMACS: Readonly<Record<string, string>> = {
  "1.2.840.113549.2.7": "SHA-1",
  "1.2.840.113549.2.8": "SHA-224",
  "1.2.840.113549.2.9": "SHA-256",
  "1.2.840.113549.2.10": "SHA-384",
  "1.2.840.113549.2.11": "SHA-512",
  "1.2.840.113549.2.12": "SHA-512/224",
  "1.2.840.113549.2.13": "SHA-512/256",
};

const HASH_BYTES: Readonly<Record<string, number>> = {
  MD2: 16,
  MD5: 16,
  "SHA-1": 20,
  "SHA-224": 28,
  "SHA-256": 32,
  "SHA-384": 48,
  "SHA-512": 64,
  "SHA-512/224": 28,
  "SHA-512/256": 32,
};
/** A hash not named here is taken as short as any (16 bytes), so that its chains are not undercounted. */
const SHORTEST_HASH_BYTES = 16;

/** The key bytes of PBES2's ciphers (RFC 8018 Appendix B.2), by OID; one not named here is taken as long as the longest. */
const PBES2_KEY_BYTES: Readonly<Record<string, number>> = {
  "2.16.840.1.101.3.4.1.2": 16,
  "2.16.840.1.101.3.4.1.22": 24,
  "2.16.840.1.101.3.4.1.42": 32,
  "1.2.840.113549.3.7": 24,
  "1.3.14.3.2.7": 8,
};
const LONGEST_KEY_BYTES = 32;

/** The derivation of a PKCS#12 MAC over the digest `digestOid`: one chain, its key being one digest long. */
export function macDerivation(digestOid: string, count: bigint): Derivation {
  return { place: "mac", scheme: "PKCS#12 MAC", hash: DIGESTS[digestOid] ?? digestOid, chains: 1, count, walkTries: 0 };
}

/** The derivation an encryption algorithm (PKCS#12 PBE, PBES1 or PBES2 with PBKDF2) asks for, read from its parameters. */
export function derivationOf(algorithmOid: string, parameters: Asn1 | undefined, place: DerivationPlace): Derivation {
  const pkcs12 = PKCS12_PBE[algorithmOid];
  const pbes1 = PBES1[algorithmOid];
  if (pkcs12 !== undefined || pbes1 !== undefined) {
    const [, iterations] = sequence(required(parameters, "a PBE algorithm's parameters"), "a PBE algorithm's parameters", 2);
    const count = integer(iterations!, "a PBE iteration count");
    if (pbes1 !== undefined) return { place, scheme: "PBES1", hash: pbes1, chains: 1, count, walkTries: 0 };
    return { place, scheme: "PKCS#12 PBE", hash: "SHA-1", chains: blocks(pkcs12!.keyBytes, "SHA-1") + (pkcs12!.iv ? 1 : 0), count, walkTries: 0 };
  }
  if (algorithmOid === PBES2) {
    const [kdf, encryptionScheme] = sequence(required(parameters, "PBES2's parameters"), "PBES2's parameters", 2);
    const { algorithmOid: kdfOid, parameters: kdfParameters } = algorithmOf(kdf!, "PBES2's key derivation");
    if (kdfOid !== PBKDF2) throw unsupported(`PBES2 with the key derivation ${kdfOid} (only PBKDF2 is read)`);
    const [, iterations, ...optional] = sequence(required(kdfParameters, "PBKDF2's parameters"), "PBKDF2's parameters", 2);
    const count = integer(iterations!, "a PBKDF2 iteration count");
    // PBKDF2-params: salt, iterationCount, keyLength INTEGER OPTIONAL, prf DEFAULT hmacWithSHA1.
    const prf = optional.find((element) => !isInteger(element));
    const hash = prf === undefined ? "SHA-1" : hmacHash(algorithmOf(prf, "PBKDF2's pseudo-random function").algorithmOid);
    const cipherOid = algorithmOf(encryptionScheme!, "PBES2's encryption scheme").algorithmOid;
    return { place, scheme: "PBKDF2", hash, chains: blocks(PBES2_KEY_BYTES[cipherOid] ?? LONGEST_KEY_BYTES, hash), count, walkTries: 0 };
  }
  throw unsupported(`the encryption algorithm ${algorithmOid}`);
}

function hmacHash(prfOid: string): string {
  return HMACS[prfOid] ?? prfOid;
}

/** The hash-sized blocks a key of `keyBytes` takes. */
function blocks(keyBytes: number, hash: string): number {
  return Math.ceil(keyBytes / (HASH_BYTES[hash] ?? SHORTEST_HASH_BYTES));
}
