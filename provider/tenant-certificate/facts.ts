import { X509Certificate, createHash } from "node:crypto";
import * as forge from "node-forge";
import { fromForgeCertificate } from "./subject";
import type { CertificateFacts } from "./types";

export function certificateDer(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), "binary");
}

/**
 * Node's X509Certificate reads the DER that forge wrote, so the facts are what any other tool
 * sees, and its PEM has plain "\n" line ends where forge's has "\r\n".
 */
export function certificateFacts(certificate: forge.pki.Certificate): CertificateFacts {
  const der = certificateDer(certificate);
  const x509 = new X509Certificate(der);
  return {
    // SHA-1 of the DER, 40 uppercase hex characters: how Windows, Entra ID and Veeam show it.
    thumbprint: createHash("sha1").update(der).digest("hex").toUpperCase(),
    certificatePem: x509.toString(),
    notBefore: certificate.validity.notBefore.toISOString(),
    notAfter: certificate.validity.notAfter.toISOString(),
    serialNumber: x509.serialNumber.toUpperCase(),
    keySize: x509.publicKey.asymmetricKeyDetails?.modulusLength ?? 0,
  };
}

/** "CN=..., thumbprint ..." for messages about a certificate the user supplied. */
export function describeCertificate(certificate: forge.pki.Certificate): string {
  const { commonName } = fromForgeCertificate(certificate);
  const thumbprint = createHash("sha1").update(certificateDer(certificate)).digest("hex").toUpperCase();
  return `${commonName ? `CN=${commonName}, ` : ""}thumbprint ${thumbprint}`;
}
