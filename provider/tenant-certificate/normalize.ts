import { isUnknown } from "../common/check";
import { DEFAULT_KEY_SIZE, DEFAULT_PFX_ENCRYPTION, DEFAULT_VALIDITY_DAYS } from "./limits";
import type { TenantCertificateInputs } from "./types";

/**
 * Inputs as the provider runtime hands them over, minus `__provider` (the serialized provider,
 * which the runtime adds back itself) and minus nulls: an Output that resolves to undefined
 * reaches the provider as null (a secret one always does), and it means "not set".
 */
export function plainInputs(news: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(news)) {
    if (key === "__provider" || value === null) continue;
    inputs[key] = isPlainObject(value) ? withoutNulls(value) : value;
  }
  return inputs;
}

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== null));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Fills in the documented defaults of generate mode. Import mode has none: there the PFX decides.
 * An unknown `importPfxBase64` counts as import mode, since at preview the mode itself is unknown.
 */
export function withDefaults(inputs: TenantCertificateInputs): TenantCertificateInputs {
  if (inputs.importPfxBase64 !== undefined) return inputs;
  const commonName: unknown = inputs.subject?.commonName;
  const defaultFriendlyName = typeof commonName === "string" && !isUnknown(commonName) ? commonName : undefined;
  return {
    ...inputs,
    keySize: inputs.keySize ?? DEFAULT_KEY_SIZE,
    validityDays: inputs.validityDays ?? DEFAULT_VALIDITY_DAYS,
    pfxEncryption: inputs.pfxEncryption ?? DEFAULT_PFX_ENCRYPTION,
    friendlyName: inputs.friendlyName ?? defaultFriendlyName,
  };
}
