import { KeptReadings } from "./kept-readings";

/** What an organization needs to know of its certificate: the thumbprint and the end of its validity. */
export interface OpenedCertificate {
  /** SHA-1 of the certificate DER, 40 uppercase hex digits, as Windows, Entra and Veeam show it. */
  thumbprint: string;
  notAfter: Date;
}

/**
 * PFX files this provider process has opened with their password, or made: a TenantCertificate's
 * outputs reach the organization that takes them in the same process, whose check then need not
 * open them again. Only PFX files that opened are kept; a few thousand of them (an estate's tenants
 * in one process) take well under a megabyte.
 */
export const openedCertificates = new KeptReadings<OpenedCertificate>(4096);
