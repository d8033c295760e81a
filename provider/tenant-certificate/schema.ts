import { z } from "zod";
import {
  KEY_SIZES,
  MAX_FRIENDLY_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
    PFX_ENCRYPTIONS,
  SUBJECT_FIELDS,
  SUBJECT_MAX_LENGTHS,
} from "./limits";
import { didYouMean } from "../common/did-you-mean";
import { characterCount, describeValue, findControlCharacter, findLoneSurrogate, formatCodePoint } from "./text";
import type { CertificateSubject } from "./types";

// The builders of TenantCertificate's field schemas, with their messages; definition.ts puts
// them together.

export function keySizeSchema() {
  return z.literal([2048, 3072, 4096], {
    error: (issue) => `keySize must be ${KEY_SIZES.join(", ")} (bits); got ${describeValue(issue.input)}.`,
  });
}

export function pfxEncryptionSchema() {
  return z.enum(["3des", "aes256"], {
    error: (issue) => `pfxEncryption must be "3des" or "aes256"; got ${describeValue(issue.input)}.` + didYouMean(issue.input, PFX_ENCRYPTIONS),
  });
}

export function subjectSchema(): z.ZodType<CertificateSubject> {
  return z.strictObject(
    {
      commonName: distinguishedNameString("commonName", true),
      organization: distinguishedNameString("organization", false).optional(),
      organizationalUnit: distinguishedNameString("organizationalUnit", false).optional(),
      locality: distinguishedNameString("locality", false).optional(),
      state: distinguishedNameString("state", false).optional(),
      country: z
        .string({ error: (issue) => countryMessage(issue.input) })
        .regex(/^[A-Z]{2}$/, { error: (issue) => countryMessage(issue.input) })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === "invalid_type"
          ? `subject must be an object such as { commonName: "contoso.onmicrosoft.com VB365" }; got ${describeValue(issue.input)}.`
          : unknownKeysMessage(issue, "subject", SUBJECT_FIELDS),
    },
  );
}

function countryMessage(input: unknown): string {
  return `subject.country must be a two-letter ISO 3166-1 country code in upper case, such as "US" or "DE"; got ${describeValue(input)}.`;
}

/** Certificate names are written as UTF8String, so only what UTF-8 and RFC 5280 allow passes. */
function distinguishedNameString(field: keyof typeof SUBJECT_MAX_LENGTHS, required: boolean) {
  const name = `subject.${field}`;
  const max = SUBJECT_MAX_LENGTHS[field];
  return z
    .string({
      error: (issue) =>
        issue.input === undefined && required
          ? `${name} is required: give the name the certificate is issued to, such as "contoso.onmicrosoft.com VB365".`
          : `${name} must be a string; got ${describeValue(issue.input)}.`,
    })
    .superRefine((value, context) => {
      const reason = distinguishedNameProblem(name, value, max, required);
      if (reason !== undefined) context.addIssue({ code: "custom", message: reason });
    });
}

function distinguishedNameProblem(name: string, value: string, max: number, required: boolean): string | undefined {
  if (value.trim() === "") {
    return `${name} must not be empty or only whitespace${required ? "" : "; leave it out instead"}.`;
  }
  const length = characterCount(value);
  if (length > max) return `${name} must be at most ${max} characters (RFC 5280 upper bound); got ${length}.`;
  const control = findControlCharacter(value);
  if (control !== undefined) {
    return `${name} must not contain control characters; found ${formatCodePoint(control.codePoint)} at character ${control.position}.`;
  }
  const surrogate = findLoneSurrogate(value);
  if (surrogate !== undefined) {
    return `${name} has an unpaired UTF-16 surrogate at character ${surrogate}, which a certificate (UTF-8) cannot encode.`;
  }
  return undefined;
}

export function daysSchema(field: string, max: number) {
  const message = (issue: { input?: unknown }) =>
    `${field} must be a whole number of days from 1 to ${max}; got ${describeValue(issue.input)}.`;
  return z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(max, { error: message });
}

export function friendlyNameSchema() {
  return z
    .string({ error: (issue) => `friendlyName must be a string; got ${describeValue(issue.input)}.` })
    .superRefine((value, context) => {
      const reason = friendlyNameProblem(value);
      if (reason !== undefined) context.addIssue({ code: "custom", message: reason });
    });
}

function friendlyNameProblem(value: string): string | undefined {
  if (value.trim() === "") return "friendlyName must not be empty or only whitespace; leave it out to use subject.commonName.";
  if (value.length > MAX_FRIENDLY_NAME_LENGTH) {
    return `friendlyName must be at most ${MAX_FRIENDLY_NAME_LENGTH} characters; got ${value.length}.`;
  }
  const control = findControlCharacter(value);
  if (control !== undefined) {
    return `friendlyName must not contain control characters; found ${formatCodePoint(control.codePoint)} at character ${control.position}.`;
  }
  let position = 0;
  for (const character of value) {
    position++;
    const codePoint = character.codePointAt(0) ?? 0;
    // The PFX stores it as a BMPString: 16-bit characters, no surrogate pairs.
    if (codePoint > 0xffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      return `friendlyName can only hold characters of the Unicode Basic Multilingual Plane (a PFX stores it as a BMPString); character ${position} (${formatCodePoint(codePoint)}) is not one.`;
    }
  }
  return undefined;
}

/** Messages about the password never quote it: they end up in CLI output and CI logs. */
export function passwordSchema() {
  return z
    .string({ error: (issue) => `password must be a string; got ${issue.input === null ? "null" : `a ${typeof issue.input}`}.` })
    .superRefine((value, context) => {
      const reason = passwordProblem(value);
      if (reason !== undefined) context.addIssue({ code: "custom", message: reason });
    });
}

function passwordProblem(value: string): string | undefined {
  if (value === "") return "password must not be empty; leave it out to have a strong one generated.";
  if (value.length > MAX_PASSWORD_LENGTH) {
    return `password must be at most ${MAX_PASSWORD_LENGTH} characters; got ${value.length}.`;
  }
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code > 0x7e) {
      // forge hands a non-ASCII password to PBKDF2 as raw JS characters where OpenSSL uses
      // UTF-8, so openssl (and Windows) cannot open an AES PFX made with it: "bad decrypt".
      return `password must contain only printable ASCII characters (space to "~"), because a PFX with a non-ASCII password cannot be opened everywhere; character ${index + 1} is not one.`;
    }
  }
  return undefined;
}

/** The PFX is secret too: messages describe the problem, never the text. */
export function base64Schema(field: string) {
  return z
    .string({ error: (issue) => `${field} must be a string of base64 text; got ${issue.input === null ? "null" : `a ${typeof issue.input}`}.` })
    .superRefine((value, context) => {
      const reason = base64Problem(field, value.replace(/\s+/g, ""));
      if (reason !== undefined) context.addIssue({ code: "custom", message: reason });
    })
    .transform((value) => value.replace(/\s+/g, ""));
}

function base64Problem(field: string, compact: string): string | undefined {
  if (compact === "") return `${field} must not be empty: give the base64 text of a PFX file.`;
  const bad = compact.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) {
    const hint = /[-_]/.test(compact) ? " It looks like base64url; use standard base64 (\"+\" and \"/\")." : "";
    return `${field} must be standard base64 (A-Z, a-z, 0-9, "+", "/" and "=" padding), such as the output of "base64 -w0 tenant.pfx"; character ${bad + 1} (whitespace ignored) is not.${hint}`;
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    return `${field} must be standard base64: "=" may only appear as padding at the very end.`;
  }
  if (compact.length % 4 !== 0) {
    return `${field} is not complete base64: its ${compact.length} characters (whitespace ignored) are not a multiple of 4. Was it cut short?`;
  }
  return undefined;
}

export function unknownKeysMessage(
  issue: { code?: string; keys?: readonly string[]; input?: unknown },
  owner: string,
  known: readonly string[],
): string | undefined {
  if (issue.code === "invalid_type") return `${owner} inputs must be an object; got ${describeValue(issue.input)}.`;
  if (issue.code !== "unrecognized_keys" || issue.keys === undefined) return undefined;
  const listed = issue.keys.map((key) => JSON.stringify(key)).join(", ");
  const suggestion = issue.keys.length === 1 ? didYouMean(issue.keys[0], known) : "";
  return `${owner} has no ${issue.keys.length === 1 ? "property" : "properties"} ${listed}; valid ones are ${known.join(", ")}.${suggestion}`;
}
