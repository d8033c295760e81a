import type { ValuesOf } from "../common/definition";
import type { TENANT_CERTIFICATE_FIELDS } from "./definition";
/** The subject (and, since the certificate is self-signed, the issuer) of a tenant certificate. */
export interface CertificateSubject {
  /**
   * CN: names the certificate in Entra ID, Windows and Veeam. At most 64 characters (RFC 5280).
   * @example "contoso.onmicrosoft.com VB365"
   */
  commonName: string;
  /**
   * O. At most 64 characters.
   * @default none
   * @example "Contoso Ltd"
   */
  organization?: string;
  /**
   * OU. At most 64 characters.
   * @default none
   * @example "Backup"
   */
  organizationalUnit?: string;
  /**
   * L (city). At most 128 characters.
   * @default none
   * @example "Lexington"
   */
  locality?: string;
  /**
   * ST (state or province). At most 128 characters.
   * @default none
   * @example "Kentucky"
   */
  state?: string;
  /**
   * C: a two-letter ISO 3166-1 code in upper case.
   * @default none
   * @example "US"
   */
  country?: string;
}

export type KeySize = 2048 | 3072 | 4096;
export type PfxEncryption = "3des" | "aes256";

/**
 * What a `TenantCertificate` takes, once Pulumi has resolved every `Input`: either `subject`
 * (generate a new certificate) or `importPfxBase64` plus `password` (adopt an existing one).
 * Read from the definition (definition.ts), where each field is described.
 */
export type TenantCertificateInputs = ValuesOf<typeof TENANT_CERTIFICATE_FIELDS>;

/** The public facts about a certificate, as the outputs carry them. */
export interface CertificateFacts {
  /** SHA-1 of the certificate DER: 40 uppercase hex characters, as Windows, Entra and Veeam show it. */
  thumbprint: string;
  /** The certificate alone (public), for uploading to an Entra ID app registration. */
  certificatePem: string;
  /** ISO 8601. */
  notBefore: string;
  /** ISO 8601. */
  notAfter: string;
  /** Uppercase hex, as `openssl x509 -serial` prints it. */
  serialNumber: string;
  keySize: number;
}

/** What a `TenantCertificate` stores: every input `diff` needs, plus the certificate itself. */
export interface TenantCertificateOutputs extends CertificateFacts {
  /** The PFX, base64 without line breaks. Secret. */
  pfxBase64: string;
  /** The PFX password, given or generated. Secret. */
  password: string;
  subject: CertificateSubject;
  /** True when the certificate came from `importPfxBase64`. */
  imported: boolean;
  friendlyName?: string;
  validityDays?: number;
  pfxEncryption?: PfxEncryption;
  rotateBeforeDays?: number;
  /**
   * The next certificate, made inside the rotation window beside the current one (rotation.ts);
   * null when there is none. Secret.
   */
  nextPfxBase64?: string | null;
  nextThumbprint?: string | null;
  nextCertificatePem?: string | null;
  nextNotBefore?: string | null;
  nextNotAfter?: string | null;
}

/** The next certificate's part of the outputs: the certificate, or null for each when there is none. */
export type NextCertificateOutputs = { [K in "nextPfxBase64" | "nextThumbprint" | "nextCertificatePem" | "nextNotBefore" | "nextNotAfter"]: string | null };
