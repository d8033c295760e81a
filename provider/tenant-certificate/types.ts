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
 * What a `TenantCertificate` takes, once Pulumi has resolved every `Input`. Either `subject`
 * (generate a new certificate) or `importPfxBase64` plus `password` (adopt an existing one).
 */
export interface TenantCertificateInputs {
  /**
   * Subject of the generated certificate. Required unless `importPfxBase64` is given; not allowed
   * with it (an imported certificate keeps its own subject). Changing it replaces the certificate.
   * @default none: required unless `importPfxBase64` is given
   * @example { commonName: "contoso.onmicrosoft.com VB365", organization: "Contoso Ltd", country: "US" }
   */
  subject?: CertificateSubject;
  /**
   * RSA key size in bits. Changing it replaces the certificate.
   * @default 2048 (Microsoft's recommendation for Entra ID app certificates)
   * @example 4096
   */
  keySize?: KeySize;
  /**
   * Days from `notBefore` to `notAfter`, 1 to 36500. Changing it replaces the certificate.
   * @default 3650 (ten years, as in the established openssl recipe)
   * @example 730
   */
  validityDays?: number;
  /**
   * Friendly name stored in the PFX, shown by the Windows certificate store. 1 to 128 characters.
   * Changing it rebuilds the PFX in place: same key, same certificate, same thumbprint.
   * @default subject.commonName
   * @example "Contoso VB365 Tenant"
   */
  friendlyName?: string;
  /**
   * Password of the PFX: 1 to 256 printable ASCII characters (space to `~`), because OpenSSL cannot
   * open an AES-encrypted PFX whose password is not ASCII. Required with `importPfxBase64`.
   * Pass it as a secret. Changing it rebuilds the PFX in place (same thumbprint); removing it keeps
   * the current password.
   * @default a generated 48-character password (available as the secret output `password`)
   * @example config.requireSecret("pfxPassword")
   */
  password?: string;
  /**
   * Encryption of the private key inside the PFX. `3des` imports on every Windows Server that
   * VB365 supports; `aes256` needs Windows Server 2016 build 1709 or later (Server 2019+).
   * Changing it replaces the certificate.
   * @default "3des"
   * @example "aes256"
   */
  pfxEncryption?: PfxEncryption;
  /**
   * Replace the certificate once fewer than this many days remain before `notAfter`; the next
   * `pulumi preview`/`up` made inside that window shows a replacement. Must be less than
   * `validityDays`. The provider's clock can be faked with the `VB365_NOW` environment variable
   * (an ISO 8601 date), for tests.
   * @default none (never rotate)
   * @example 30
   */
  rotateBeforeDays?: number;
  /**
   * Adopt an existing certificate instead of generating one: the base64 text of a PFX (PKCS#12)
   * holding exactly one RSA key (at least 2048 bits) and its unexpired certificate, opened with
   * `password`. Whitespace is ignored; the PFX itself is re-emitted unchanged as `pfxBase64`.
   * Pass it as a secret. Changing it replaces the resource.
   * @default none (generate a certificate)
   * @example fs.readFileSync("tenant.pfx").toString("base64")
   */
  importPfxBase64?: string;
}

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
}
