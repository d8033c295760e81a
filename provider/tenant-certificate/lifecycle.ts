import { toPlainOutputs } from "../common/outputs";
import { parseCheckedInputs } from "./check";
import { generateTenantCertificate } from "./generate";
import { DEFAULT_KEY_SIZE, DEFAULT_PFX_ENCRYPTION, DEFAULT_VALIDITY_DAYS } from "./limits";
import { generatePassword } from "./password";
import { importProblem, readPfx } from "./pfx";
import { buildPfx } from "./pkcs12";
import { generatedOutputs, importedOutputs } from "./results";
import type { TenantCertificateInputs, TenantCertificateOutputs } from "./types";

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
 * re-wraps the same key and certificate in a new PFX, so the thumbprint that Entra ID and Veeam
 * know stays valid. Every output is returned: whatever is left out here is wiped from state.
 */
export async function updateTenantCertificate(
  olds: TenantCertificateOutputs,
  news: Record<string, unknown>,
  at: Date,
): Promise<TenantCertificateOutputs> {
  const inputs = parseCheckedInputs(news);
  if (inputs.importPfxBase64 !== undefined) return plain(adopt(inputs, at));
  // diff replaces on any change to subject, key size, validity or encryption, so here they
  // equal what the stored certificate was made with.
  const {
    subject,
    validityDays = DEFAULT_VALIDITY_DAYS,
    pfxEncryption = DEFAULT_PFX_ENCRYPTION,
    friendlyName,
    rotateBeforeDays,
  } = inputs;
  if (subject === undefined) throw new Error("TenantCertificate needs a subject to update a generated certificate.");

  const password = inputs.password ?? olds.password;
  const reading = readPfx(Buffer.from(olds.pfxBase64, "base64"), olds.password);
  if (reading.problem) {
    throw new Error(`The PFX stored for this TenantCertificate cannot be opened again: ${reading.problem.reason}`);
  }
  const { privateKey, certificate } = reading.contents;
  const unchanged = password === olds.password && friendlyName === olds.friendlyName;
  const pfx = unchanged
    ? Buffer.from(olds.pfxBase64, "base64")
    : buildPfx({
        privateKey,
        certificate,
        password,
        encryption: pfxEncryption,
        ...(friendlyName === undefined ? {} : { friendlyName }),
      });
  return plain(generatedOutputs({ subject, validityDays, pfxEncryption, friendlyName, rotateBeforeDays, password, pfx, certificate }));
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
  const reading = readPfx(Buffer.from(importPfxBase64, "base64"), password);
  const problem = reading.problem ?? importProblem(reading.contents, at);
  if (problem !== undefined || reading.contents === undefined) {
    throw new Error(problem?.reason ?? "The PFX in importPfxBase64 cannot be read.");
  }
  return importedOutputs(importPfxBase64, password, reading.contents);
}

/** Outputs cross the wire as protobuf Structs: no undefined, Date or Buffer may reach them. */
function plain(outs: TenantCertificateOutputs): TenantCertificateOutputs {
  return toPlainOutputs(outs) as unknown as TenantCertificateOutputs;
}
