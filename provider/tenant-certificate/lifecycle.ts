import { openedCertificates } from "../common/opened-certificates";
import { toPlainOutputs } from "../common/outputs";
import { parseCheckedInputs } from "./check";
import { type GeneratedCertificate, generateTenantCertificate } from "./generate";
import { DEFAULT_KEY_SIZE, DEFAULT_PFX_ENCRYPTION, DEFAULT_VALIDITY_DAYS } from "./limits";
import { generatePassword } from "./password";
import { readImportedPfx } from "./imported-pfx";
import { importProblem, readPfx } from "./pfx";
import { buildPfx } from "./pkcs12";
import { generatedOutputs, importedOutputs, nextOutputs } from "./results";
import { isDueForRotation, rotationStep } from "./rotation";
import type { PfxEncryption, TenantCertificateInputs, TenantCertificateOutputs } from "./types";

/** The id is the thumbprint: public, stable across in-place updates, and what Veeam shows. */
export async function createTenantCertificate(
  news: Record<string, unknown>,
  at: Date,
): Promise<{ id: string; outs: TenantCertificateOutputs }> {
  const inputs = parseCheckedInputs(news);
  const outs = inputs.importPfxBase64 === undefined ? await generate(inputs, at) : adopt(inputs, at);
  return { id: outs.thumbprint, outs: plain(outs) };
}

/**
 * Only generated certificates change in place (see diff.ts): a new password or friendly name
 * re-wraps the same keys and certificates in new PFX files, so the thumbprints that Entra ID and
 * Veeam know stay valid; and a rotation step (rotation.ts) makes the next certificate beside the
 * current one, or promotes it once the current one has expired. Every output is returned:
 * whatever is left out here is wiped from state.
 */
export async function updateTenantCertificate(
  olds: TenantCertificateOutputs,
  news: Record<string, unknown>,
  at: Date,
): Promise<TenantCertificateOutputs> {
  const inputs = parseCheckedInputs(news);
  if (inputs.importPfxBase64 !== undefined) return plain(adopt(inputs, at));
  // diff replaces on any change to subject, key size, validity or encryption, so here they
  // equal what the stored certificates were made with.
  const {
    subject,
    keySize = DEFAULT_KEY_SIZE,
    validityDays = DEFAULT_VALIDITY_DAYS,
    pfxEncryption = DEFAULT_PFX_ENCRYPTION,
    friendlyName,
    rotateBeforeDays,
  } = inputs;
  if (subject === undefined) throw new Error("TenantCertificate needs a subject to update a generated certificate.");

  const password = inputs.password ?? olds.password;
  const wrapping: Wrapping = { password, encryption: pfxEncryption, friendlyName, unchanged: password === olds.password && friendlyName === olds.friendlyName };
  let current = rewrapped(olds.pfxBase64, olds.password, wrapping, "");
  let next = olds.nextPfxBase64 ? rewrapped(olds.nextPfxBase64, olds.password, wrapping, "next ") : undefined;
  if (rotationStep(olds, rotateBeforeDays, at) === "promote" && next !== undefined) {
    current = next;
    next = undefined;
  }
  // Also right after a promotion: a next certificate kept long may be inside its own window already.
  if (next === undefined && isDueForRotation(current.certificate.validity.notAfter.toISOString(), rotateBeforeDays, at)) {
    next = await generateTenantCertificate({ subject, keySize, validityDays, pfxEncryption, password, at, ...(friendlyName === undefined ? {} : { friendlyName }) });
  }
  return plain({
    ...generatedOutputs({ subject, validityDays, pfxEncryption, friendlyName, rotateBeforeDays, password, pfx: current.pfx, certificate: current.certificate }),
    ...(next === undefined ? {} : nextOutputs(next.pfx, next.certificate)),
  });
}

/** How the PFX files of an update are wrapped: the resource's password and friendly name, now. */
interface Wrapping {
  password: string;
  encryption: PfxEncryption;
  friendlyName: string | undefined;
  /** Neither changed: the stored PFX is passed on byte for byte. */
  unchanged: boolean;
}

/** A stored PFX opened again and, where the password or friendly name changed, rebuilt around the same key and certificate. */
function rewrapped(pfxBase64: string, storedPassword: string, wrapping: Wrapping, which: string): GeneratedCertificate {
  const stored = Buffer.from(pfxBase64, "base64");
  const reading = readPfx(stored, storedPassword);
  if (reading.problem) {
    throw new Error(`The ${which}PFX stored for this TenantCertificate cannot be opened again: ${reading.problem.reason}`);
  }
  const { privateKey, certificate } = reading.contents;
  if (wrapping.unchanged) return { pfx: stored, certificate };
  const pfx = buildPfx({
    privateKey,
    certificate,
    password: wrapping.password,
    encryption: wrapping.encryption,
    ...(wrapping.friendlyName === undefined ? {} : { friendlyName: wrapping.friendlyName }),
  });
  return { pfx, certificate };
}

async function generate(inputs: TenantCertificateInputs, at: Date): Promise<TenantCertificateOutputs> {
  // parseCheckedInputs guarantees these in generate mode; the fallbacks only satisfy the types.
  const {
    subject,
    keySize = DEFAULT_KEY_SIZE,
    validityDays = DEFAULT_VALIDITY_DAYS,
    pfxEncryption = DEFAULT_PFX_ENCRYPTION,
  } = inputs;
  if (subject === undefined) throw new Error("TenantCertificate needs a subject to generate a certificate.");
  const password = inputs.password ?? generatePassword();
  const { pfx, certificate } = await generateTenantCertificate({
    subject,
    keySize,
    validityDays,
    pfxEncryption,
    password,
    at,
    ...(inputs.friendlyName === undefined ? {} : { friendlyName: inputs.friendlyName }),
  });
  return generatedOutputs({
    subject,
    validityDays,
    pfxEncryption,
    friendlyName: inputs.friendlyName,
    rotateBeforeDays: inputs.rotateBeforeDays,
    password,
    pfx,
    certificate,
  });
}

function adopt(inputs: TenantCertificateInputs, at: Date): TenantCertificateOutputs {
  const { importPfxBase64, password } = inputs;
  if (importPfxBase64 === undefined || password === undefined) {
    throw new Error("TenantCertificate needs importPfxBase64 and password to import a certificate.");
  }
  const reading = readImportedPfx(importPfxBase64, password);
  const problem = reading.problem ?? importProblem(reading.contents, at);
  if (problem !== undefined || reading.contents === undefined) {
    throw new Error(problem?.reason ?? "The PFX in importPfxBase64 cannot be read.");
  }
  return importedOutputs(importPfxBase64, password, reading.contents);
}

/**
 * Outputs cross the wire as protobuf Structs: no undefined, Date or Buffer may reach them. Their
 * PFX files are known to open with their password: the organization that takes them in this
 * process finds their thumbprints kept instead of opening them again.
 */
function plain(outs: TenantCertificateOutputs): TenantCertificateOutputs {
  openedCertificates.set(outs.pfxBase64, outs.password, { thumbprint: outs.thumbprint, notAfter: new Date(outs.notAfter) });
  if (outs.nextPfxBase64 && outs.nextThumbprint && outs.nextNotAfter) {
    openedCertificates.set(outs.nextPfxBase64, outs.password, { thumbprint: outs.nextThumbprint, notAfter: new Date(outs.nextNotAfter) });
  }
  return toPlainOutputs(outs) as unknown as TenantCertificateOutputs;
}
