import { openPfxNatively } from "../common/pfx-native";
import { certificateFacts } from "../tenant-certificate/facts";
import { readPfx } from "../tenant-certificate/pfx";

export type CertificateReading = { thumbprint: string; problem?: undefined } | { thumbprint?: undefined; problem: string };

/**
 * Opens an application certificate the way VB365 will, so that a wrong password or a PFX
 * without its key fails at preview, and yields the thumbprint by which changes are judged.
 *
 * Node's OpenSSL first (a 100-tenant preview opens 100 of them); node-forge when it refuses, to
 * read legacy RC2 files and to explain what is wrong.
 */
export function readApplicationCertificate(pfxBase64: string, password: string | undefined): CertificateReading {
  const pfx = Buffer.from(pfxBase64, "base64");
  const native = openPfxNatively(pfx, password ?? "");
  if (native) return { thumbprint: native.thumbprint };
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
