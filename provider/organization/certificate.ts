import { openPfxNatively } from "../common/pfx-native";
import { certificateFacts } from "../tenant-certificate/facts";
import { type PfxFields, readPfx } from "../tenant-certificate/pfx";

export type CertificateReading = { thumbprint: string; problem?: undefined } | { thumbprint?: undefined; problem: string };

/** This resource's names for the PFX and its password, in whose terms its problems are told. */
const APPLICATION_CERTIFICATE_FIELDS: PfxFields = { pfx: "applicationCertificate", password: "applicationCertificatePassword" };

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
  const reading = readPfx(pfx, password ?? "", APPLICATION_CERTIFICATE_FIELDS);
  if (reading.problem) return { problem: reading.problem.reason };
  return { thumbprint: certificateFacts(reading.contents.certificate).thumbprint };
}
