import { readPfx } from "../tenant-certificate/pfx";
import { certificateFacts } from "../tenant-certificate/facts";

export type CertificateReading = { thumbprint: string; problem?: undefined } | { thumbprint?: undefined; problem: string };

/**
 * Opens an application certificate the way VB365 will, so that a wrong password or a PFX
 * without its key fails at preview, and yields the thumbprint by which changes are judged.
 */
export function readApplicationCertificate(pfxBase64: string, password: string | undefined): CertificateReading {
  const reading = readPfx(Buffer.from(pfxBase64, "base64"), password ?? "");
  if (reading.problem) {
    // readPfx speaks of TenantCertificate's inputs; say it in this resource's terms.
    const reason = reading.problem.reason
      .replace(/\bimportPfxBase64\b/g, "applicationCertificate")
      .replace(/\bpassword\b/g, "applicationCertificatePassword");
    return { problem: reason };
  }
  return { thumbprint: certificateFacts(reading.contents.certificate).thumbprint };
}
