import type { CertificateSubject, KeySize, PfxEncryption } from "./types";

export const SUBJECT_FIELDS: readonly (keyof CertificateSubject)[] = [
  "commonName",
  "organization",
  "organizationalUnit",
  "locality",
  "state",
  "country",
];

export const KEY_SIZES: readonly KeySize[] = [2048, 3072, 4096];
export const PFX_ENCRYPTIONS: readonly PfxEncryption[] = ["3des", "aes256"];

export const DEFAULT_KEY_SIZE: KeySize = 2048;
export const DEFAULT_VALIDITY_DAYS = 3650;
export const DEFAULT_PFX_ENCRYPTION: PfxEncryption = "3des";

/** 100 years: long enough for any real use, short enough to stay clear of year-9999 limits. */
export const MAX_VALIDITY_DAYS = 36_500;

/** Entra ID rejects smaller RSA keys, so an imported PFX must not bring one. */
export const MIN_IMPORTED_KEY_BITS = 2048;

export const MAX_PASSWORD_LENGTH = 256;
export const MAX_FRIENDLY_NAME_LENGTH = 128;

/** Upper bounds from RFC 5280 appendix A.1 (ub-common-name, ub-organization-name, ...). */
export const SUBJECT_MAX_LENGTHS: Readonly<Record<Exclude<keyof CertificateSubject, "country">, number>> = {
  commonName: 64,
  organization: 64,
  organizationalUnit: 64,
  locality: 128,
  state: 128,
};

export const DAY_MS = 86_400_000;
