import { z } from "zod";
import { type Field, field, objectSchema } from "../common/definition";
import { once } from "../common/once";
import { DEFAULT_KEY_SIZE, DEFAULT_PFX_ENCRYPTION, DEFAULT_VALIDITY_DAYS, MAX_VALIDITY_DAYS } from "./limits";
import { base64Schema, daysSchema, friendlyNameSchema, keySizeSchema, passwordSchema, pfxEncryptionSchema, subjectSchema, unknownKeysMessage } from "./schema";
import type { TenantCertificateOutputs } from "./types";

/**
 * TenantCertificate, defined once: each input with its schema and what a change of it does. The
 * input type (types.ts), the schema check parses with, the secrets, the defaults and the diff's
 * lists are read from here; diff.ts holds what spans fields (an imported PFX, rotation).
 */
export const TENANT_CERTIFICATE_FIELDS = {
  subject: field(subjectSchema, { description: "Subject of the generated certificate (`commonName` required; `organization`, `organizationalUnit`, `locality`, `state`, `country`). Required unless `importPfxBase64` is given; not allowed with it (an imported certificate keeps its own subject).", change: "replace" }),
  keySize: field(keySizeSchema, { description: "RSA key size in bits: 2048 (Microsoft's recommendation for Entra ID app certificates), 3072 or 4096.", change: "replace", default: DEFAULT_KEY_SIZE }),
  validityDays: field(() => daysSchema("validityDays", MAX_VALIDITY_DAYS), { description: "Days from `notBefore` to `notAfter`, 1 to 36500 (default ten years, as in the established openssl recipe).", change: "replace", default: DEFAULT_VALIDITY_DAYS }),
  friendlyName: field(friendlyNameSchema, { description: "Friendly name stored in the PFX, shown by the Windows certificate store, 1 to 128 characters; defaults to `subject.commonName`. A change rebuilds the PFX in place: same key, certificate and thumbprint.", change: "update" }),
  password: field(passwordSchema, {
    description: "Password of the PFX: 1 to 256 printable ASCII characters (OpenSSL cannot open an AES-encrypted PFX whose password is not ASCII). Required with `importPfxBase64`. Left out, a 48-character one is generated (the secret output `password`); removing it keeps the current one; a change rebuilds the PFX in place.",
    change: "update",
    secret: true,
    keptWhenAbsent: true,
  }),
  pfxEncryption: field(pfxEncryptionSchema, { description: "Encryption of the private key inside the PFX: `3des` imports on every Windows Server that VB365 supports; `aes256` needs Windows Server 2016 build 1709 or later.", change: "replace", default: DEFAULT_PFX_ENCRYPTION }),
  rotateBeforeDays: field(() => daysSchema("rotateBeforeDays", MAX_VALIDITY_DAYS - 1), {
    description:
      "Rotate the certificate once fewer than this many days remain before `notAfter`: the next up inside that window makes the next certificate (`nextPfxBase64`, `nextThumbprint`, `nextCertificatePem`) beside the current one, in place, with the same subject, key size, validity, encryption, friendly name and password. The current one stays `pfxBase64`/`thumbprint` until it has expired; then the next one takes its place and the expired one is dropped. An organization switches to the next one only once its application trusts it (Vb365Organization `nextApplicationCertificate`). Less than `validityDays`; the provider's clock can be set with `VB365_NOW` (ISO 8601) for tests.",
    change: "update",
  }),
  importPfxBase64: field(() => base64Schema("importPfxBase64"), {
    description: "Adopt an existing certificate instead of generating one: the base64 text of a PFX holding exactly one RSA key (at least 2048 bits) and its unexpired certificate, opened with `password`. Whitespace is ignored; the PFX is passed on unchanged as `pfxBase64`. Bounded before anything is derived from the password: at most 64 KiB, 1 to 100,000 iterations in each key derivation, derivations in at most 8 places, and at most 500,000 iterations of key derivation to check and read it, counting each password tried, the IV beside the key and the cost of the hash (OpenSSL and Windows need 16,000 to 40,000, Java's keytool 195,000, 450,000 before Java 12).",
    change: "replace",
    secret: true,
  }),
} as const;

/** What each output is; the compiler holds this to TenantCertificateOutputs, key for key. */
export const TENANT_CERTIFICATE_OUTPUTS: Readonly<Record<keyof TenantCertificateOutputs, Field>> = {
  pfxBase64: field(() => z.string(), { description: "The PFX (PKCS#12), base64 without line breaks.", secret: true }),
  password: field(() => z.string(), { description: "The PFX password, given or generated.", secret: true }),
  thumbprint: field(() => z.string(), { description: "SHA-1 of the certificate DER: 40 uppercase hex characters, as Windows, Entra ID and Veeam show it." }),
  certificatePem: field(() => z.string(), { description: "The certificate alone, PEM (public), for uploading to the Entra ID app registration." }),
  notBefore: field(() => z.string(), { description: "ISO 8601." }),
  notAfter: field(() => z.string(), { description: "ISO 8601." }),
  serialNumber: field(() => z.string(), { description: "Uppercase hex, as `openssl x509 -serial` prints it." }),
  keySize: field(() => z.number().int(), { description: "RSA key size in bits." }),
  subject: field(subjectSchema, { description: "The subject the certificate carries." }),
  imported: field(() => z.boolean(), { description: "True when the certificate came from `importPfxBase64`." }),
  friendlyName: field(() => z.string().optional(), { description: "The PFX's friendly name." }),
  validityDays: field(() => z.number().int().optional(), { description: "Days the certificate was made valid for." }),
  pfxEncryption: field(() => pfxEncryptionSchema().optional(), { description: "How the PFX is encrypted." }),
  rotateBeforeDays: field(() => z.number().int().optional(), { description: "The rotation window, in days." }),
  nextPfxBase64: field(() => z.string().nullish(), { description: "The next certificate's PFX, made inside the rotation window (same password as `pfxBase64`); null when there is none.", secret: true }),
  nextThumbprint: field(() => z.string().nullish(), { description: "The next certificate's thumbprint; null when there is none." }),
  nextCertificatePem: field(() => z.string().nullish(), { description: "The next certificate alone, PEM (public): register it on the Entra application before the organization switches to it; null when there is none." }),
  nextNotBefore: field(() => z.string().nullish(), { description: "ISO 8601; null when there is no next certificate." }),
  nextNotAfter: field(() => z.string().nullish(), { description: "ISO 8601; null when there is no next certificate." }),
};

/** Validates resolved inputs; `check` handles unknowns and the rules that span several fields. */
export const tenantCertificateSchema = once(() => objectSchema(TENANT_CERTIFICATE_FIELDS, (issue) => unknownKeysMessage(issue, "TenantCertificate", Object.keys(TENANT_CERTIFICATE_FIELDS))));
