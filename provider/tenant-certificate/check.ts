import type * as pulumi from "@pulumi/pulumi";
import { containsUnknown, isUnknown, toCheckFailures, withoutUnknowns } from "../common/check";
import { toPlainOutputs } from "../common/outputs";
import { pfxBase64SizeProblem } from "../common/pfx-bounds";
import { DEFAULT_VALIDITY_DAYS } from "./limits";
import { withDefaults, plainInputs } from "./normalize";
import { readImportedPfx } from "./imported-pfx";
import { importProblem } from "./pfx";
import { tenantCertificateSchema } from "./definition";
import type { TenantCertificateInputs } from "./types";

type CheckFailure = pulumi.dynamic.CheckFailure;

const IMPORT_CONFLICTS: ReadonlyArray<[keyof TenantCertificateInputs, string]> = [
  ["subject", "an imported certificate keeps its own subject"],
  ["keySize", "an imported certificate keeps its own key"],
  ["validityDays", "an imported certificate keeps its own validity period"],
  ["pfxEncryption", "the imported PFX is passed on unchanged, with its own encryption"],
  ["friendlyName", "the imported PFX is passed on unchanged, with its own friendly name"],
  ["rotateBeforeDays", "an imported certificate is renewed by importing a new PFX, not by generating one"],
];

/**
 * Validates and normalizes inputs at preview and at update time. Values still unknown at preview
 * (the engine's sentinel) pass through untouched and are validated once known; in import mode the
 * PFX is opened here, so a wrong password or an expired certificate stops the preview.
 */
export function checkTenantCertificate(
  news: Record<string, unknown>,
  at: Date,
): pulumi.dynamic.CheckResult<TenantCertificateInputs> {
  const raw = plainInputs(news);
  const parsed = tenantCertificateSchema().safeParse(withoutUnknowns(raw));
  const failures = [...(parsed.success ? [] : toCheckFailures(parsed.error.issues, raw)), ...crossFieldFailures(raw)];
  if (failures.length > 0) return { failures };

  // A parse can fail only because of unknowns; the values then get checked again once known.
  const inputs = withDefaults(parsed.success ? restoreUnknowns(parsed.data, raw) : (raw as TenantCertificateInputs));
  const pfxFailure = importFailure(inputs, at);
  if (pfxFailure !== undefined) return { failures: [pfxFailure] };
  // Inputs cross the wire as protobuf Structs, which reject undefined.
  return { inputs: toPlainOutputs(inputs) as TenantCertificateInputs };
}

/** For create and update, which the engine only calls with checked inputs: fail loudly if not. */
export function parseCheckedInputs(news: Record<string, unknown>): TenantCertificateInputs {
  const raw = plainInputs(news);
  if (containsUnknown(raw)) throw new Error("TenantCertificate cannot be created from inputs that are still unknown.");
  const parsed = tenantCertificateSchema().safeParse(raw);
  const failures = [...(parsed.success ? [] : toCheckFailures(parsed.error.issues, raw)), ...crossFieldFailures(raw)];
  if (!parsed.success || failures.length > 0) {
    throw new Error(`Invalid TenantCertificate inputs: ${failures.map((failure) => failure.reason).join(" ")}`);
  }
  return withDefaults(parsed.data);
}

function crossFieldFailures(raw: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  if (raw.importPfxBase64 === undefined) {
    if (raw.subject === undefined) {
      failures.push({
        property: "subject",
        reason:
          'subject is required unless importPfxBase64 is given: set at least subject.commonName, for example { commonName: "contoso.onmicrosoft.com VB365" }.',
      });
    }
    const validityDays = raw.validityDays ?? DEFAULT_VALIDITY_DAYS;
    const rotateBeforeDays = raw.rotateBeforeDays;
    if (isWholeNumber(validityDays) && isWholeNumber(rotateBeforeDays) && rotateBeforeDays >= validityDays) {
      failures.push({
        property: "rotateBeforeDays",
        reason: `rotateBeforeDays (${rotateBeforeDays}) must be less than validityDays (${validityDays}); otherwise the certificate would be due for rotation as soon as it is created.`,
      });
    }
  } else if (!isUnknown(raw.importPfxBase64)) {
    for (const [field, why] of IMPORT_CONFLICTS) {
      if (raw[field] !== undefined) {
        failures.push({ property: field, reason: `${field} cannot be combined with importPfxBase64: ${why}.` });
      }
    }
    if (raw.password === undefined) {
      failures.push({
        property: "password",
        reason: "password is required with importPfxBase64: give the password that opens the PFX.",
      });
    }
  }
  return failures;
}

function importFailure(inputs: TenantCertificateInputs, at: Date): CheckFailure | undefined {
  const { importPfxBase64, password } = inputs;
  if (importPfxBase64 === undefined || isUnknown(importPfxBase64)) return undefined;
  // The size is judged even while the password is unknown: it needs none.
  const tooLarge = pfxBase64SizeProblem(importPfxBase64, "importPfxBase64");
  if (tooLarge) return { property: "importPfxBase64", reason: tooLarge.reason };
  if (password === undefined || isUnknown(password)) return undefined;
  const reading = readImportedPfx(importPfxBase64, password);
  return reading.problem ?? importProblem(reading.contents, at);
}

function restoreUnknowns(data: TenantCertificateInputs, raw: Record<string, unknown>): TenantCertificateInputs {
  const restored: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(raw)) if (containsUnknown(value)) restored[key] = value;
  return restored as TenantCertificateInputs;
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}
