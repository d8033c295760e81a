import * as forge from "node-forge";
import type { CertificateSubject } from "./types";

// Conventional order, as `openssl req -subj "/C=../ST=../L=../O=../OU=../CN=.."` writes it.
const ATTRIBUTES: ReadonlyArray<{ field: keyof CertificateSubject; shortName: string }> = [
  { field: "country", shortName: "C" },
  { field: "state", shortName: "ST" },
  { field: "locality", shortName: "L" },
  { field: "organization", shortName: "O" },
  { field: "organizationalUnit", shortName: "OU" },
  { field: "commonName", shortName: "CN" },
];

/**
 * Country stays PrintableString (RFC 5280 requires it); every other field is UTF8String, since
 * forge's default PrintableString cannot hold "&", "_", "@" or any non-ASCII letter.
 */
export function toForgeAttributes(subject: CertificateSubject): forge.pki.CertificateField[] {
  const fields: forge.pki.CertificateField[] = [];
  for (const { field, shortName } of ATTRIBUTES) {
    const value = subject[field];
    if (value === undefined) continue;
    fields.push(
      field === "country"
        ? { shortName, value }
        : // @types/node-forge types valueTagClass as asn1.Class, but forge compares it with asn1.Type.
          { shortName, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
    );
  }
  return fields;
}

/** Reads the six fields back from any certificate; forge leaves the values as raw bytes. */
export function fromForgeCertificate(certificate: forge.pki.Certificate): CertificateSubject {
  const subject: Partial<CertificateSubject> = {};
  for (const { field, shortName } of ATTRIBUTES) {
    const attribute = certificate.subject.getField(shortName) as
      | { value: string; valueTagClass?: number }
      | null;
    if (attribute) subject[field] = decodeDirectoryString(attribute.value, attribute.valueTagClass);
  }
  return { ...subject, commonName: subject.commonName ?? "" };
}

function decodeDirectoryString(bytes: string, tag: number | undefined): string {
  if (tag === forge.asn1.Type.UTF8) return forge.util.decodeUtf8(bytes);
  if (tag === forge.asn1.Type.BMPSTRING && bytes.length % 2 === 0) {
    return Buffer.from(bytes, "binary").swap16().toString("utf16le");
  }
  // PrintableString, IA5String and TeletexString: single bytes, read as Latin-1.
  return bytes;
}
