import { openedCertificates } from "../common/opened-certificates";
import { openPfxNatively } from "../common/pfx-native";
import { certificateFacts } from "../tenant-certificate/facts";
import { type PfxFields, readPfx } from "../tenant-certificate/pfx";

export type CertificateReading = { thumbprint: string; notAfter: Date; problem?: undefined } | { thumbprint?: undefined; notAfter?: undefined; problem: string };

/** This resource's names for the PFX and its password, in whose terms its problems are told. */
export const APPLICATION_CERTIFICATE_FIELDS: PfxFields = { pfx: "applicationCertificate", password: "applicationCertificatePassword" };
export const NEXT_APPLICATION_CERTIFICATE_FIELDS: PfxFields = { pfx: "nextApplicationCertificate", password: "nextApplicationCertificatePassword" };

/**
 * Opens an application certificate the way VB365 will, so that a wrong password or a PFX
 * without its key fails at preview, and yields the thumbprint by which changes are judged and
 * the end of its validity, which a waiting rotation reports.
 *
 * What this process opened or made already is not opened again (opened-certificates.ts); then
 * Node's OpenSSL (a 100-tenant preview opens 100 of them); node-forge when it refuses, to read
 * legacy RC2 files and to explain what is wrong.
 */
export function readApplicationCertificate(pfxBase64: string, password: string | undefined, fields: PfxFields = APPLICATION_CERTIFICATE_FIELDS): CertificateReading {
  const opened = openedCertificates.get(pfxBase64, password ?? "");
  if (opened) return opened;
  const reading = openPfx(Buffer.from(pfxBase64, "base64"), password ?? "", fields);
  if (reading.problem === undefined) openedCertificates.set(pfxBase64, password ?? "", { thumbprint: reading.thumbprint, notAfter: reading.notAfter });
  return reading;
}

function openPfx(pfx: Buffer, password: string, fields: PfxFields): CertificateReading {
  const native = openPfxNatively(pfx, password);
  if (native) return native;
  const reading = readPfx(pfx, password, fields);
  if (reading.problem) return { problem: reading.problem.reason };
  return { thumbprint: certificateFacts(reading.contents.certificate).thumbprint, notAfter: reading.contents.certificate.validity.notAfter };
}
