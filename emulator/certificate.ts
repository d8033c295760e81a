import { createHash, X509Certificate } from "node:crypto";
import type * as Forge from "node-forge";
import { forge } from "../provider/common/lazy-forge";
import { type CheckedPfx, checkPfx, pfxBase64SizeProblem } from "../provider/common/pfx-bounds";
import { openPfxNatively } from "../provider/common/pfx-native";
import { validation, type ApiError } from "./errors";

export interface OpenedCertificate {
  /** SHA-1 of the certificate DER, 40 uppercase hex digits, as Windows, Entra and Veeam show it. */
  thumbprint: string;
  notAfter: Date;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Opens `applicationCertificate` (base64 PFX) with its password the way the server must before it
 * can use it, and returns what may be stored: the thumbprint. Rules follow certificates.md §1.4:
 * MAC verified with the password, a certificate and an RSA private key present and matching.
 * The wording of the base64 and password failures is .NET's (the first was reported by users,
 * vb365-api.md §5; the second is Windows' CryptographicException text, INFERRED). Before anything
 * is derived, the PFX's size and iteration counts are bounded as the provider bounds them
 * (pfx-bounds.ts; .NET's own loader has such limits, Pkcs12LoaderLimits), so one hostile
 * certificate cannot hold the server.
 */
export function openPfx(base64: string, password: string | null | undefined, where: string, now: number): OpenedCertificate {
  const fail = (reason: string): ApiError => validation(`The certificate in '${where}' cannot be used: ${reason}`);
  const tooLarge = pfxBase64SizeProblem(base64, "The PFX");
  if (tooLarge) throw fail(tooLarge.reason);
  const compact = base64.replace(/\s+/g, "");
  if (compact === "" || !BASE64.test(compact)) throw fail("Invalid length for a Base-64 char array or string.");
  const checked = checkPfx(Buffer.from(compact, "base64"), password ?? "", "The PFX");
  if (checked.problem) {
    throw fail(checked.problem.kind === "malformed" || checked.problem.kind === "unsupported" ? NOT_A_PFX : checked.problem.reason);
  }
  // The common case, through Node's OpenSSL in ~2 ms; forge (20-40 ms) for the rest and for the reasons.
  const native = openPfxNatively(checked.pfx);
  if (native) return checkedNotExpired(native, now, fail);
  const f = forge();
  let p12: Forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = openWithPassword(f, checked.pfx, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/MAC could not be verified|Invalid password/i.test(message)) throw fail("The specified network password is not correct.");
    throw fail(NOT_A_PFX);
  }
  const certificate = p12.getBags({ bagType: f.pki.oids.certBag! })[f.pki.oids.certBag!]?.find((bag) => bag.cert)?.cert;
  if (!certificate) throw fail("The PFX file contains no RSA certificate.");
  const keyBagTypes = [f.pki.oids.pkcs8ShroudedKeyBag!, f.pki.oids.keyBag!];
  const key = keyBagTypes
    .flatMap((type) => p12.getBags({ bagType: type })[type] ?? [])
    .map((bag) => bag.key as Forge.pki.rsa.PrivateKey | undefined)
    .find((candidate) => candidate !== undefined && candidate !== null);
  if (!key) throw fail("The PFX file contains no private key; export the certificate with its private key.");
  const publicKey = certificate.publicKey as Forge.pki.rsa.PublicKey;
  if (!key.n.equals(publicKey.n)) throw fail("The private key does not belong to the certificate.");
  const certDer = f.asn1.toDer(f.pki.certificateToAsn1(certificate)).getBytes();
  const thumbprint = createHash("sha1").update(Buffer.from(certDer, "binary")).digest("hex").toUpperCase();
  return checkedNotExpired({ thumbprint, notAfter: certificate.validity.notAfter }, now, fail);
}

const NOT_A_PFX = "The data is not a valid PFX (PKCS#12) file.";

// Decided: an expired certificate is refused, since Entra ID no longer accepts it for sign-in.
function checkedNotExpired(opened: OpenedCertificate, now: number, fail: (reason: string) => ApiError): OpenedCertificate {
  if (opened.notAfter.getTime() <= now) throw fail(`The certificate expired on ${opened.notAfter.toISOString()}.`);
  return opened;
}

/**
 * forge tells "no password" (undefined) from "empty password" (""); a client that sends none may
 * mean either. The bounds were checked for both (pfx-bounds.ts tries no password beside an empty one).
 */
function openWithPassword(f: typeof Forge, pfx: CheckedPfx, password: string | null | undefined): Forge.pkcs12.Pkcs12Pfx {
  if (password !== null && password !== undefined) return f.pkcs12.pkcs12FromAsn1(pfx.asn1, false, password);
  try {
    return f.pkcs12.pkcs12FromAsn1(pfx.asn1, false, "");
  } catch {
    return f.pkcs12.pkcs12FromAsn1(pfx.asn1, false);
  }
}

/** A thumbprint as people copy it (any case, colons or spaces between bytes), or undefined when it is not 20 bytes of hex. */
export function normalizeThumbprint(text: string): string | undefined {
  const compact = text.replace(/[\s:]/g, "").toUpperCase();
  return /^[0-9A-F]{40}$/.test(compact) ? compact : undefined;
}

/** The thumbprint of the first certificate in a PEM text, or undefined when there is none to read. */
export function thumbprintOfPem(pem: string): string | undefined {
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) return undefined;
  try {
    // Node's fingerprint is the SHA-1 of the DER, colon-separated uppercase hex (certificates.md §0).
    return new X509Certificate(pem).fingerprint.replace(/:/g, "");
  } catch {
    return undefined;
  }
}
