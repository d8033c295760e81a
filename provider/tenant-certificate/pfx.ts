import * as forge from "node-forge";
import { messageOf } from "../common/errors";
import { type CheckedPfx, checkPfx } from "../common/pfx-bounds";
import { describeCertificate } from "./facts";
import { MIN_IMPORTED_KEY_BITS } from "./limits";

export interface PfxContents {
  privateKey: forge.pki.rsa.PrivateKey;
  /** The certificate that belongs to the key (a PFX may also carry its chain). */
  certificate: forge.pki.Certificate;
  friendlyName?: string;
}

/** The names under which a resource takes the PFX and its password: its messages speak of them. */
export interface PfxFields {
  readonly pfx: string;
  readonly password: string;
}

export const TENANT_CERTIFICATE_FIELDS: PfxFields = { pfx: "importPfxBase64", password: "password" };

/** A problem with a user's PFX, as a check failure: the field to blame (one of the PfxFields) and a full sentence. */
export interface PfxProblem {
  property: string;
  reason: string;
}

export type PfxReading = { contents: PfxContents; problem?: undefined } | { contents?: undefined; problem: PfxProblem };

/**
 * Opens a PFX and finds its one RSA key and that key's certificate. forge is the more tolerant
 * reader (it opens OpenSSL 3 AES PFX and legacy RC2 ones alike), but it reports a key or
 * certificate it cannot understand (EC, for instance) as null instead of failing. Problems name
 * the PFX and its password by `fields`, the calling resource's inputs (TenantCertificate's unless
 * given), so each resource explains them in its own terms. The PFX's size and iteration counts
 * are bounded before anything is derived (pfx-bounds.ts).
 */
export function readPfx(pfx: Buffer, password: string, fields: PfxFields = TENANT_CERTIFICATE_FIELDS): PfxReading {
  const checked = checkPfx(pfx, password, fields.pfx);
  if (checked.problem) return problem(fields.pfx, checked.problem.reason);
  return readCheckedPfx(checked.pfx, fields);
}

/** readPfx for a PFX already bounded (pfx-bounds.ts), which a caller may also have handed to OpenSSL. */
export function readCheckedPfx(checked: CheckedPfx, fields: PfxFields = TENANT_CERTIFICATE_FIELDS): PfxReading {
  const field = fields.pfx;
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(checked.asn1, false, checked.password);
  } catch (error) {
    return problem(...openFailure(messageOf(error), fields));
  }

  const keyBags = [
    ...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag),
    ...bagsOf(p12, forge.pki.oids.keyBag),
  ];
  if (keyBags.length === 0) {
    return problem(
      field,
      `${field} holds no private key: export the certificate together with its private key (Export-PfxCertificate, or "openssl pkcs12 -export -inkey key.pem -in cert.pem").`,
    );
  }
  if (keyBags.length > 1) {
    return problem(field, `${field} holds ${keyBags.length} private keys; it must hold exactly one, with its certificate.`);
  }
  const privateKey = keyBags[0].key;
  if (!privateKey) {
    return problem(field, `${field} holds a private key that is not RSA (an EC key, for example); Entra ID app certificates must use RSA.`);
  }

  const certificateBags = bagsOf(p12, forge.pki.oids.certBag);
  const certificates = certificateBags.flatMap((bag) => (bag.cert ? [{ bag, cert: bag.cert }] : []));
  if (certificates.length === 0) {
    return problem(
      field,
      certificateBags.length === 0
        ? `${field} holds a private key but no certificate: export the certificate together with its key.`
        : `${field} holds no RSA certificate (an EC certificate, for example); Entra ID app certificates must use RSA.`,
    );
  }
  const match = certificates.find(({ cert }) => belongsTo(cert, privateKey));
  if (!match) {
    return problem(
      field,
      `The private key in ${field} does not belong to its certificate (${describeCertificate(certificates[0].cert)}): the PFX must hold the certificate's own key.`,
    );
  }
  const friendlyName = firstFriendlyName(match.bag) ?? firstFriendlyName(keyBags[0]);
  return { contents: { privateKey, certificate: match.cert, ...(friendlyName === undefined ? {} : { friendlyName }) } };
}

/** What import mode asks beyond a readable PFX: a key Entra ID accepts and a live certificate. */
export function importProblem(contents: PfxContents, at: Date): PfxProblem | undefined {
  const field = TENANT_CERTIFICATE_FIELDS.pfx;
  const bits = contents.privateKey.n.bitLength();
  if (bits < MIN_IMPORTED_KEY_BITS) {
    return {
      property: field,
      reason: `The key in ${field} has ${bits} bits; Entra ID needs an RSA key of at least ${MIN_IMPORTED_KEY_BITS} bits.`,
    };
  }
  const notAfter = contents.certificate.validity.notAfter;
  if (notAfter.getTime() <= at.getTime()) {
    return {
      property: field,
      reason: `The certificate in ${field} (${describeCertificate(contents.certificate)}) expired on ${notAfter.toISOString()}; import a current certificate or leave ${field} out to generate one.`,
    };
  }
  return undefined;
}

function openFailure(message: string, fields: PfxFields): [PfxProblem["property"], string] {
  const { pfx, password } = fields;
  if (/MAC could not be verified/i.test(message)) {
    return [
      password,
      `${password} does not open the PFX in ${pfx}: its integrity check (MAC) failed, which means the ${password} is wrong.`,
    ];
  }
  if (/unsupported/i.test(message)) {
    return [
      pfx,
      `${pfx} uses an algorithm this provider cannot read (${message}); export it again with OpenSSL 3's defaults (AES-256) or with 3DES.`,
    ];
  }
  return [pfx, `${pfx} could not be read as a PKCS#12 (PFX) file with the given ${password} (${message}).`];
}

function belongsTo(certificate: forge.pki.Certificate, privateKey: forge.pki.rsa.PrivateKey): boolean {
  const publicKey = certificate.publicKey as Partial<forge.pki.rsa.PublicKey>;
  return (
    publicKey.n !== undefined &&
    publicKey.e !== undefined &&
    publicKey.n.equals(privateKey.n) &&
    publicKey.e.equals(privateKey.e)
  );
}

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, bagType: string): forge.pkcs12.Bag[] {
  return p12.getBags({ bagType })[bagType] ?? [];
}

function firstFriendlyName(bag: forge.pkcs12.Bag): string | undefined {
  // Boundary: @types/node-forge types bag attributes as `any`.
  const attributes = bag.attributes as { friendlyName?: unknown } | undefined;
  const names = attributes?.friendlyName;
  return Array.isArray(names) && typeof names[0] === "string" ? names[0] : undefined;
}

function problem(property: PfxProblem["property"], reason: string): PfxReading {
  return { problem: { property, reason } };
}
