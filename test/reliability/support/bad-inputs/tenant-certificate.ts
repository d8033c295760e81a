import type { BadInputCase, Fixtures } from "./case";

type Inputs = Record<string, unknown>;

const SUBJECT = { commonName: "contoso.onmicrosoft.com VB365" };

/** Bad TenantCertificate inputs. */
export function tenantCertificateCases(fixtures: Fixtures): Array<BadInputCase<Inputs>> {
  return [
    { id: "keySize 1024", field: "keySize", valid: /2048, 3072, 4096/, input: () => ({ subject: SUBJECT, keySize: 1024 }) },
    { id: "keySize as text", field: "keySize", valid: /2048, 3072, 4096/, input: () => ({ subject: SUBJECT, keySize: "2048 bits" }) },
    { id: "validityDays 0", field: "validityDays", valid: /whole number of days from 1 to 36500/, input: () => ({ subject: SUBJECT, validityDays: 0 }) },
    { id: "validityDays 1.5", field: "validityDays", valid: /whole number of days from 1 to 36500/, input: () => ({ subject: SUBJECT, validityDays: 1.5 }) },
    { id: "rotateBeforeDays not below validityDays", field: "rotateBeforeDays", valid: /must be less than validityDays/, input: () => ({ subject: SUBJECT, validityDays: 30, rotateBeforeDays: 30 }) },
    { id: "no subject", field: "subject", valid: /commonName/, input: () => ({ keySize: 2048 }) },
    { id: "empty commonName", field: "subject.commonName", valid: /must not be empty/, input: () => ({ subject: { commonName: "  " } }) },
    { id: "commonName of 65 characters", field: "subject.commonName", valid: /at most 64 characters/, input: () => ({ subject: { commonName: "x".repeat(65) } }) },
    { id: "country not ISO 3166", field: "subject.country", valid: /two-letter ISO 3166-1 country code/, input: () => ({ subject: { ...SUBJECT, country: "usa" } }) },
    { id: "pfxEncryption des", field: "pfxEncryption", valid: /"3des" or "aes256"/, input: () => ({ subject: SUBJECT, pfxEncryption: "des" }) },
    { id: "empty password", field: "password", valid: /leave it out to have a strong one generated/, input: () => ({ subject: SUBJECT, password: "" }) },
    { id: "non-ASCII password", field: "password", valid: /printable ASCII/, input: () => ({ subject: SUBJECT, password: "pässwörd-Ünïcode" }) },
    { id: "friendlyName with a control character", field: "friendlyName", valid: /must not contain control characters/, input: () => ({ subject: SUBJECT, friendlyName: "tenant\u0007" }) },
    { id: "misspelt property keysize", field: "keysize", valid: /valid ones are subject, keySize/, input: () => ({ subject: SUBJECT, keysize: 2048 }) },
    { id: "importPfxBase64 in base64url", field: "importPfxBase64", valid: /standard base64/, input: () => ({ importPfxBase64: "ab-_cd==", password: "x" }) },
    { id: "importPfxBase64 with subject", field: "subject", valid: /cannot be combined with importPfxBase64/, input: () => ({ importPfxBase64: fixtures.pfx.pfxBase64, password: fixtures.pfx.password, subject: SUBJECT }) },
    { id: "importPfxBase64 without password", field: "password", valid: /password is required with importPfxBase64/, input: () => ({ importPfxBase64: fixtures.pfx.pfxBase64 }) },
    { id: "importPfxBase64 with the wrong password", field: "password", valid: /the password is wrong/, input: () => ({ importPfxBase64: fixtures.pfx.pfxBase64, password: "not-the-password" }) },
    { id: "importPfxBase64 of an expired certificate", field: "importPfxBase64", valid: /expired on .*import a current certificate/, input: () => ({ importPfxBase64: fixtures.expired.pfxBase64, password: fixtures.expired.password }) },
  ];
}
