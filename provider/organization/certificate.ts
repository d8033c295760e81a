import { createHash, X509Certificate } from "node:crypto";
import { createSecureContext } from "node:tls";
import { certificateFacts } from "../tenant-certificate/facts";
import { readPfx } from "../tenant-certificate/pfx";

export type CertificateReading = { thumbprint: string; problem?: undefined } | { thumbprint?: undefined; problem: string };

/**
 * Opens an application certificate the way VB365 will, so that a wrong password or a PFX
 * without its key fails at preview, and yields the thumbprint by which changes are judged.
 *
 * Node's OpenSSL opens a well-formed PFX in about 2 ms; node-forge needs 20-40 ms (pure-JS key
 * derivation and 3DES), which a 100-tenant preview would pay 100 times. forge is the fallback:
 * it reads what OpenSSL 3 refuses (RC2-40 legacy PFX) and explains what is wrong.
 */
export function readApplicationCertificate(pfxBase64: string, password: string | undefined): CertificateReading {
  const pfx = Buffer.from(pfxBase64, "base64");
  const thumbprint = nativeThumbprint(pfx, password ?? "");
  if (thumbprint) return { thumbprint };
  const reading = readPfx(pfx, password ?? "");
  if (reading.problem) {
    // readPfx speaks of TenantCertificate's inputs; say it in this resource's terms.
    const reason = reading.problem.reason
      .replace(/\bimportPfxBase64\b/g, "applicationCertificate")
      .replace(/\bpassword\b/g, "applicationCertificatePassword");
    return { problem: reason };
  }
  return { thumbprint: certificateFacts(reading.contents.certificate).thumbprint };
}

/** The thumbprint when OpenSSL opens the PFX and finds an RSA key with its certificate; otherwise undefined. */
function nativeThumbprint(pfx: Buffer, password: string): string | undefined {
  let der: Buffer | null | undefined;
  try {
    // createSecureContext checks the MAC (the password) and that the key matches the certificate.
    const context = createSecureContext({ pfx, passphrase: password });
    // Boundary: `context.context` is Node's native SecureContext; getCertificate() returns the DER
    // of the certificate loaded with the key. It is not in Node's typings, so it is probed.
    der = (context.context as { getCertificate?: () => Buffer | null }).getCertificate?.();
  } catch {
    return undefined;
  }
  if (!der || new X509Certificate(der).publicKey.asymmetricKeyType !== "rsa") return undefined;
  return createHash("sha1").update(der).digest("hex").toUpperCase();
}
