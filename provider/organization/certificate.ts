import { openedCertificates } from "../common/opened-certificates";
import { type CheckedPfx, checkPfx, pfxBase64SizeProblem } from "../common/pfx-bounds";
import { openPfxNatively } from "../common/pfx-native";
import { certificateFacts } from "../tenant-certificate/facts";
import { type PfxFields, readCheckedPfx } from "../tenant-certificate/pfx";

export type CertificateReading = { thumbprint: string; notAfter: Date; problem?: undefined } | { thumbprint?: undefined; notAfter?: undefined; problem: string };

/** This resource's names for the PFX and its password, in whose terms its problems are told. */
export const APPLICATION_CERTIFICATE_FIELDS: PfxFields = { pfx: "applicationCertificate", password: "applicationCertificatePassword" };
export const NEXT_APPLICATION_CERTIFICATE_FIELDS: PfxFields = { pfx: "nextApplicationCertificate", password: "nextApplicationCertificatePassword" };

/** The names of a service's own certificate and password (`exchangeOnlineSettings.applicationCertificate`, ...). */
export function serviceCertificateFields(service: string): PfxFields {
  return { pfx: `${service}.applicationCertificate`, password: `${service}.applicationCertificatePassword` };
}

/**
 * Opens an application certificate the way VB365 will, so that a wrong password or a PFX
 * without its key fails at preview, and yields the thumbprint by which changes are judged and
 * the end of its validity, which a waiting rotation reports.
 *
 * What this process opened or made already is not opened again (opened-certificates.ts); the
 * rest is bounded first (size and iteration counts, pfx-bounds.ts), then opened by Node's OpenSSL
 * (a 100-tenant preview opens 100 of them), and by node-forge when OpenSSL refuses, to read legacy
 * RC2 files and to explain what is wrong.
 */
export function readApplicationCertificate(pfxBase64: string, password: string | undefined, fields: PfxFields = APPLICATION_CERTIFICATE_FIELDS): CertificateReading {
  const tooLarge = pfxBase64SizeProblem(pfxBase64, fields.pfx);
  if (tooLarge) return { problem: tooLarge.reason };
  const opened = openedCertificates.get(pfxBase64, password ?? "");
  if (opened) return opened;
  const checked = checkPfx(Buffer.from(pfxBase64, "base64"), password ?? "", fields.pfx);
  if (checked.problem) return { problem: checked.problem.reason };
  const reading = openPfx(checked.pfx, fields);
  if (reading.problem === undefined) openedCertificates.set(pfxBase64, password ?? "", { thumbprint: reading.thumbprint, notAfter: reading.notAfter });
  return reading;
}

function openPfx(pfx: CheckedPfx, fields: PfxFields): CertificateReading {
  const native = openPfxNatively(pfx);
  if (native) return native;
  const reading = readCheckedPfx(pfx, fields);
  if (reading.problem) return { problem: reading.problem.reason };
  return { thumbprint: certificateFacts(reading.contents.certificate).thumbprint, notAfter: reading.contents.certificate.validity.notAfter };
}
